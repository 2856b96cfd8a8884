package dev.attnviz.core.spi;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.ModelInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The compute skeleton every bundled provider shares, in the spirit of DJL's engine SPI: {@link
 * #compute} checks the request against the capabilities, tokenizes, runs the backend's graph and
 * copies the results out ({@link #run}), validates them, and assembles the {@link AttentionData}. A
 * backend supplies only what differs: how to tokenize, how to run, and what to release.
 *
 * <p>Validation is the same for every backend: values that are not probabilities (NaN, outside [0,
 * 1]) and degenerate results ({@link DegenerateAttention}) are refused with {@link
 * Reason#INFERENCE_FAILED} and a message saying what probably went wrong, never drawn.
 *
 * <p>Thread-safe: computes run in parallel under a read lock; {@link #close()} takes the write
 * lock, so it waits for computes in progress and native memory is never freed under a running
 * compute.
 */
public abstract class AbstractAttentionProvider implements AttentionProvider {

  private final ModelInfo info;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  /**
   * Creates the skeleton.
   *
   * @param info the open model
   */
  protected AbstractAttentionProvider(ModelInfo info) {
    this.info = Objects.requireNonNull(info, "info");
  }

  @Override
  public final ModelInfo model() {
    return info;
  }

  @Override
  public final AttentionData compute(AttentionRequest request) throws AttentionException {
    Objects.requireNonNull(request, "request");
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(
            "the '" + providerName() + "' provider for " + info.name() + " is closed");
      }
      checkSupported(request);
      TokenizedRequest encoded = tokenize(request);
      List<Attention.Builder> built = run(encoded, request);
      AttentionData.Builder data = AttentionData.builder().setModel(info);
      for (Attention.Builder attention : built) {
        data.addAttention(validate(attention));
      }
      encoded.input().sentenceBStart().ifPresent(data::optSentenceBStart);
      encoded.truncation().ifPresent(data::optTruncation);
      return data.build();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Refuses what this model cannot do, with the same words for every backend. */
  private void checkSupported(AttentionRequest request) throws AttentionException {
    Set<Capability> can = capabilities();
    if (request.textB().isPresent() && !can.contains(Capability.SENTENCE_PAIRS)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          info.name()
              + " takes no segment ids, so it cannot tell two sentences apart. Enter one text.");
    }
    if (request.target().isPresent() && !can.contains(Capability.ENCODER_DECODER)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          info.name()
              + " is not an encoder-decoder model, so it has no decoder to take a target text."
              + " Leave the target empty.");
    }
    if (request.maxNewTokens() > 0 && !can.contains(Capability.GENERATION)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          info.name()
              + " cannot generate: it has no language-model head (no 'logits' output). Export the"
              + " model with its head (e.g. GPT2LMHeadModel, BartForConditionalGeneration), or"
              + " compute without generating.");
    }
    if (request.queriesAndKeys() && !can.contains(Capability.QUERY_KEY_VECTORS)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          info.name()
              + " exposes no query and key vectors (the "
              + family()
              + " names found none). Ask without vectors, or open the model with the options "
              + ModelSource.QUERY_PATTERN
              + " and "
              + ModelSource.KEY_PATTERN
              + " to name them.");
    }
  }

  private Attention validate(Attention.Builder builder) throws AttentionException {
    Attention attention;
    try {
      attention = builder.build();
    } catch (IllegalArgumentException e) {
      // The outputs were copied as they are: only a pattern naming the wrong tensors or damaged
      // weights make NaN or out-of-range ones.
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          info.name()
              + " computed attention that is not a probability ("
              + e.getMessage()
              + "). If the model was opened with the option "
              + ModelSource.ATTENTION_PATTERN
              + ", name the Softmax outputs with it; otherwise its weights may be damaged:"
              + " export or download the model again.",
          e);
    }
    Optional<String> degenerate = DegenerateAttention.check(attention);
    if (degenerate.isPresent()) {
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          info.name()
              + " gives degenerate attention: "
              + degenerate.get()
              + ". The export probably mislabels its inputs (e.g. the token types fed to the"
              + " attention mask): export it again with the input names in the order of the"
              + " model's forward() (see docs/MODELS.md).");
    }
    return attention;
  }

  /** {@return the family whose names were recognised, for messages, e.g. "BERT"} */
  protected abstract String family();

  /**
   * Tokenizes a request within the model's limit (see {@link RequestTokenizer}).
   *
   * @param request the request to tokenize
   * @return the token ids and tokens for the model, within {@link #maxTokens()}
   * @throws AttentionException with {@link Reason#INPUT_EMPTY} or {@link Reason#INPUT_TOO_LONG}
   */
  protected abstract TokenizedRequest tokenize(AttentionRequest request) throws AttentionException;

  /**
   * Runs the model on the tokens and copies its attention out of native memory: one builder per
   * kind, with tokens, weights and (if asked for) vectors set. Called under the read lock.
   *
   * @param encoded the tokens that {@link #tokenize} made from {@code request}
   * @param request the request, for its options (e.g. whether vectors are wanted)
   * @return one builder per attention kind, filled but not built
   * @throws AttentionException with {@link Reason#INFERENCE_FAILED} if the engine fails; no
   *     engine's own exception may escape
   */
  protected abstract List<Attention.Builder> run(TokenizedRequest encoded, AttentionRequest request)
      throws AttentionException;

  /** Releases native resources; called once, after every compute has finished. */
  protected abstract void release();

  @Override
  public final void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      release();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
