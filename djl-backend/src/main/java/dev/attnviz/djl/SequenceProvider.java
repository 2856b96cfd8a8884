package dev.attnviz.djl;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.spi.AbstractAttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sequence model opened through ONNX Runtime's own sessions: a decoder-only language model (a
 * GPT-2 graph with a {@code logits} output), an encoder-decoder graph (BART or T5 in one {@code
 * model.onnx}), or optimum's two files ({@code encoder_model.onnx}, {@code decoder_model.onnx}).
 * Computes {@link AttentionKind#SELF}, or {@link AttentionKind#ENCODER}, {@link
 * AttentionKind#DECODER} and {@link AttentionKind#CROSS} with their own tokens, and generates
 * greedily when the graph has a language-model head.
 *
 * <p>The decoder's input: {@code [decoder_start_token_id] + the target's tokens} (special tokens
 * included) when the request has a target; the generated tokens after the start token when it asks
 * to generate; otherwise the source shifted right, {@code [decoder_start_token_id] + source[:-1]},
 * which is what BART's graph derives itself.
 *
 * <p>Thread-safe: ONNX Runtime sessions accept concurrent runs and the tokenizer is immutable.
 */
final class SequenceProvider extends AbstractAttentionProvider {

  /**
   * One graph file and the attention it exposes.
   *
   * @param session the open graph
   * @param kinds the attention tensors of each kind it computes
   * @param firstOutput the graph's first own output (the encoder's last hidden state)
   */
  record Part(OnnxSession session, Map<AttentionKind, AttentionTensors> kinds, String firstOutput) {

    /** Every tensor to fetch for the attention of this part. */
    List<String> tensors(boolean vectors) {
      List<String> names = new ArrayList<>();
      for (AttentionTensors tensors : kinds.values()) {
        names.addAll(vectors ? tensors.all() : tensors.attention());
      }
      return names;
    }
  }

  static final String LOGITS = "logits";

  private final HuggingFacePairTokenizer tokenizer;
  private final Part first;
  private final Part decoder;
  private final SequenceConfig config;
  private final String family;
  private final Set<Capability> capabilities;

  /**
   * Wraps open parts; the provider owns and closes them and the tokenizer.
   *
   * @param decoder optimum's decoder file, or null for one graph
   */
  SequenceProvider(
      ModelInfo info,
      HuggingFacePairTokenizer tokenizer,
      Part first,
      Part decoder,
      SequenceConfig config,
      String family) {
    super(info);
    this.tokenizer = tokenizer;
    this.first = first;
    this.decoder = decoder;
    this.config = config;
    this.family = family;
    EnumSet<Capability> can = EnumSet.of(Capability.TRUNCATION, Capability.CUSTOM_MODELS);
    boolean vectors =
        first.kinds().values().stream().allMatch(AttentionTensors::hasVectors)
            && (decoder == null
                || decoder.kinds().values().stream().allMatch(AttentionTensors::hasVectors));
    if (vectors) {
      can.add(Capability.QUERY_KEY_VECTORS);
    }
    if (!isDecoderOnly()) {
      can.add(Capability.ENCODER_DECODER);
    }
    if (decoderPart().session().hasOutput(LOGITS) && eos() >= 0) {
      can.add(Capability.GENERATION);
    }
    this.capabilities = Set.copyOf(can);
  }

  private boolean isDecoderOnly() {
    return first.kinds().containsKey(AttentionKind.SELF);
  }

  private Part decoderPart() {
    return decoder != null ? decoder : first;
  }

  private long eos() {
    return config.eos().orElse(-1);
  }

  @Override
  public String providerName() {
    return DjlProviderFactory.NAME;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public int maxTokens() {
    return tokenizer.maxTokens();
  }

  @Override
  protected String family() {
    return family;
  }

  @Override
  protected TokenizedRequest tokenize(AttentionRequest request) throws AttentionException {
    return tokenizer.encode(request, model().name());
  }

  @Override
  protected List<Attention.Builder> run(TokenizedRequest encoded, AttentionRequest request)
      throws AttentionException {
    TokenizedInput source = encoded.input();
    if (source.sentenceBStart().isPresent()) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          model().name() + " takes one text, not a pair. Leave the second sentence empty.");
    }
    boolean vectors = request.queriesAndKeys();
    return isDecoderOnly()
        ? List.of(decoderOnly(source, request, vectors))
        : encoderDecoder(source, request, vectors);
  }

  private Attention.Builder decoderOnly(
      TokenizedInput prompt, AttentionRequest request, boolean vectors) throws AttentionException {
    long[] ids = prompt.ids();
    if (request.maxNewTokens() > 0) {
      checkRoom(prompt.size(), request.maxNewTokens(), "the prompt");
      ids = generate(ids, request, ids.length, (sequence) -> feeds(first, sequence, null, null));
    }
    Map<String, OnnxSession.Output> out =
        first.session().run(feeds(first, ids, null, null), new HashSet<>(first.tensors(vectors)));
    long[] words = Arrays.copyOf(prompt.wordIds(), ids.length);
    Arrays.fill(words, prompt.size(), ids.length, -1);
    Tokens tokens = tokens(ids, words);
    return build(
        AttentionKind.SELF, first.kinds().get(AttentionKind.SELF), out, tokens, tokens, vectors);
  }

  private List<Attention.Builder> encoderDecoder(
      TokenizedInput source, AttentionRequest request, boolean vectors) throws AttentionException {
    long[] src = source.ids();
    long start = config.decoderStart().orElse(0);
    long[] dec;
    long[] decWords;
    boolean graphDerivesDecoder =
        decoder == null
            && !first.session().inputs().contains("decoder_input_ids")
            && !first.session().inputs().contains("decoder_attention_mask");
    if (request.target().isPresent()) {
      if (graphDerivesDecoder) {
        throw new AttentionException(
            Reason.UNSUPPORTED,
            model().name()
                + " has no decoder_input_ids input: its graph always gives the decoder the"
                + " source shifted right. Leave the target empty, or export the model with"
                + " decoder_input_ids (or in optimum's two-file layout) to give a target.");
      }
      TokenizedInput target = tokenizer.encodeWhole(request.target().get());
      checkRoom(target.size() + 1, 0, "the target");
      dec = prepend(start, target.ids());
      decWords = prepend(-1, target.wordIds());
    } else {
      dec = prepend(start, Arrays.copyOf(src, src.length - 1));
      decWords = prepend(-1, Arrays.copyOf(source.wordIds(), src.length - 1));
    }
    Map<String, OnnxSession.Output> out = new HashMap<>();
    if (decoder == null) {
      out.putAll(
          first.session().run(feeds(first, src, dec, null), new HashSet<>(first.tensors(vectors))));
    } else {
      Set<String> wanted = new HashSet<>(first.tensors(vectors));
      wanted.add(first.firstOutput());
      Map<String, OnnxSession.Output> encoded =
          first.session().run(feeds(first, src, null, null), wanted);
      OnnxSession.Output hidden = encoded.get(first.firstOutput());
      out.putAll(encoded);
      if (request.maxNewTokens() > 0) {
        checkRoom(1, request.maxNewTokens(), "the decoder's start token");
        dec =
            generate(
                new long[] {start},
                request,
                1,
                (sequence) -> feeds(decoder, src, sequence, hidden));
        decWords = new long[dec.length];
        Arrays.fill(decWords, -1);
      }
      out.putAll(
          decoder
              .session()
              .run(feeds(decoder, src, dec, hidden), new HashSet<>(decoder.tensors(vectors))));
    }
    Tokens srcTokens = source.toTokens();
    Tokens decTokens = tokens(dec, decWords);
    Map<AttentionKind, AttentionTensors> kinds = new HashMap<>(first.kinds());
    if (decoder != null) {
      kinds.putAll(decoder.kinds());
    }
    return List.of(
        build(
            AttentionKind.ENCODER,
            kinds.get(AttentionKind.ENCODER),
            out,
            srcTokens,
            srcTokens,
            vectors),
        build(
            AttentionKind.DECODER,
            kinds.get(AttentionKind.DECODER),
            out,
            decTokens,
            decTokens,
            vectors),
        build(
            AttentionKind.CROSS,
            kinds.get(AttentionKind.CROSS),
            out,
            decTokens,
            srcTokens,
            vectors));
  }

  /** Makes the feeds of one run from the current decoder sequence. */
  @FunctionalInterface
  private interface StepFeeds {
    Map<String, OnnxSession.Feed> of(long[] sequence);
  }

  /** Greedy generation: appends the argmax of the last position until N tokens or the eos. */
  private long[] generate(long[] start, AttentionRequest request, int kept, StepFeeds feeds)
      throws AttentionException {
    long[] sequence = start;
    Part part = decoderPart();
    int max = request.maxNewTokens();
    for (int step = 1; step <= max; step++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new AttentionException(Reason.CANCELLED, "Generation was cancelled.");
      }
      OnnxSession.Output logits =
          part.session().run(feeds.of(sequence), Set.of(LOGITS)).get(LOGITS);
      long next = SequenceOutputs.argmaxOfLastRow(logits);
      sequence = Arrays.copyOf(sequence, sequence.length + 1);
      sequence[sequence.length - 1] = next;
      request
          .generationListener()
          .onToken(step, max, tokenizer.token(next).orElse("<" + next + ">"));
      if (next == eos()) {
        break;
      }
    }
    return sequence;
  }

  private void checkRoom(int have, int more, String what) throws AttentionException {
    if (have + more > maxTokens()) {
      throw new AttentionException(
          Reason.INPUT_TOO_LONG,
          "With "
              + what
              + " of "
              + have
              + " tokens"
              + (more > 0 ? " and " + more + " to generate" : "")
              + ", "
              + model().name()
              + " would get more than the "
              + maxTokens()
              + " tokens it takes. Shorten the text"
              + (more > 0 ? " or generate fewer tokens." : "."));
    }
  }

  /** The inputs of {@code part}, by the names Hugging Face exports use (checked at open). */
  private static Map<String, OnnxSession.Feed> feeds(
      Part part, long[] src, long[] dec, OnnxSession.Output hidden) {
    boolean decoderFile =
        hidden != null || part.session().inputs().contains("encoder_hidden_states");
    long[] main = decoderFile && dec != null ? dec : src;
    Map<String, OnnxSession.Feed> feeds = new HashMap<>();
    for (String name : part.session().inputs()) {
      OnnxSession.Feed feed =
          switch (name) {
            case "input_ids" -> OnnxSession.Feed.ids(main);
            case "attention_mask" -> OnnxSession.Feed.ids(filled(main.length, 1));
            case "decoder_input_ids" -> OnnxSession.Feed.ids(dec);
            case "decoder_attention_mask" -> OnnxSession.Feed.ids(filled(dec.length, 1));
            case "encoder_attention_mask" -> OnnxSession.Feed.ids(filled(src.length, 1));
            case "encoder_hidden_states" ->
                new OnnxSession.Feed(null, hidden.values(), hidden.shape());
            case "position_ids" -> OnnxSession.Feed.ids(positions(main.length));
            case "token_type_ids" -> OnnxSession.Feed.ids(new long[main.length]);
            default -> throw new IllegalStateException("cannot fill the input " + name);
          };
      feeds.put(name, feed);
    }
    return feeds;
  }

  /** The inputs {@link #feeds} can fill. */
  static final Set<String> FILLABLE =
      Set.of(
          "input_ids",
          "attention_mask",
          "decoder_input_ids",
          "decoder_attention_mask",
          "encoder_attention_mask",
          "encoder_hidden_states",
          "position_ids",
          "token_type_ids");

  private Attention.Builder build(
      AttentionKind kind,
      AttentionTensors tensors,
      Map<String, OnnxSession.Output> out,
      Tokens queries,
      Tokens keys,
      boolean vectors) {
    Tensor4D weights =
        SequenceOutputs.attention(out, tensors.attention(), queries.size(), keys.size());
    Attention.Builder builder =
        Attention.builder(kind).setQueryTokens(queries).setKeyTokens(keys).setWeights(weights);
    if (vectors) {
      int heads = weights.dim1();
      builder.optVectors(
          SequenceOutputs.vectors(out, tensors.queries(), heads, queries.size()),
          SequenceOutputs.vectors(out, tensors.keys(), heads, keys.size()));
    }
    return builder;
  }

  /** Tokens of ids: vocabulary entries, special by the tokenizer's own set. */
  private Tokens tokens(long[] ids, long[] wordIds) {
    String[] strings = new String[ids.length];
    long[] special = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      strings[i] = tokenizer.token(ids[i]).orElse("<" + ids[i] + ">");
      special[i] = tokenizer.specialTokens().contains(strings[i]) ? 1 : 0;
    }
    return TokenizedInput.of(strings, ids, new long[ids.length], special, wordIds).toTokens();
  }

  private static long[] prepend(long first, long[] rest) {
    long[] all = new long[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static long[] filled(int n, long value) {
    long[] values = new long[n];
    Arrays.fill(values, value);
    return values;
  }

  private static long[] positions(int n) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }

  @Override
  protected void release() {
    try {
      tokenizer.close();
    } finally {
      try {
        first.session().close();
      } finally {
        if (decoder != null) {
          decoder.session().close();
        }
      }
    }
  }
}
