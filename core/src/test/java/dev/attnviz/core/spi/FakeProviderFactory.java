package dev.attnviz.core.spi;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.testing.SyntheticAttention;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A provider for SPI tests, registered only in {@code spi-fixture/META-INF/services} so that it
 * never shows up in the core test jar other modules use. It "tokenizes" on spaces, wraps the text
 * in {@code [CLS]}/{@code [SEP]}, and follows the provider contract through {@link InputLimits} and
 * {@link TokenizedInput}.
 */
public class FakeProviderFactory implements AttentionProviderFactory {

  /** Tokens the fake model takes at most. */
  static final int MAX_TOKENS = 8;

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String description() {
    return "Fake provider for tests";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.SENTENCE_PAIRS, Capability.TRUNCATION);
  }

  @Override
  public String defaultModelName() {
    return "fake-model";
  }

  @Override
  public AttentionProvider open(ModelSource source, ProgressListener progress)
      throws AttentionException {
    if (!source.isEmbeddedDefault()) {
      throw new AttentionException(
          AttentionException.Reason.MODEL_NOT_FOUND,
          "The fake provider has only its default model.");
    }
    progress.onStage(ProgressListener.Stage.LOADING, "fake-model");
    return new FakeProvider(name());
  }

  /** A second factory, to show that discovery lists and sorts every registered name. */
  public static class Another extends FakeProviderFactory {
    @Override
    public String name() {
      return "another";
    }
  }

  private static final class FakeProvider implements AttentionProvider {
    private final String name;
    private boolean closed;

    FakeProvider(String name) {
      this.name = name;
    }

    @Override
    public String providerName() {
      return name;
    }

    @Override
    public ModelInfo model() {
      return new ModelInfo("fake-model", name, false);
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(Capability.SENTENCE_PAIRS, Capability.TRUNCATION);
    }

    @Override
    public int maxTokens() {
      return MAX_TOKENS;
    }

    @Override
    public AttentionData compute(AttentionRequest request) throws AttentionException {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      InputLimits.requireText(request);
      List<String> tokens = new ArrayList<>(List.of("[CLS]"));
      List<Long> types = new ArrayList<>(List.of(0L));
      add(tokens, types, request.textA(), 0);
      Optional<String> textB = request.textB();
      if (textB.isPresent()) {
        add(tokens, types, textB.get(), 1);
      }
      Optional<Truncation> truncation =
          InputLimits.checkLength(request, tokens.size(), MAX_TOKENS, "fake-model");
      int n = truncation.map(Truncation::keptTokenCount).orElse(tokens.size());
      BitSet special = new BitSet();
      long[] typeIds = new long[n];
      long[] wordIds = new long[n];
      for (int i = 0; i < n; i++) {
        special.set(i, tokens.get(i).startsWith("["));
        typeIds[i] = types.get(i);
        wordIds[i] = special.get(i) ? -1 : i;
      }
      TokenizedInput input =
          new TokenizedInput(tokens.subList(0, n), new long[n], typeIds, special, wordIds);
      AttentionData.Builder data =
          AttentionData.builder()
              .setModel(model())
              .addAttention(
                  Attention.builder(AttentionKind.SELF)
                      .setTokens(input.toTokens())
                      .setWeights(SyntheticAttention.weights(1, 1, n, n, 0))
                      .build());
      input.sentenceBStart().ifPresent(data::optSentenceBStart);
      truncation.ifPresent(data::optTruncation);
      return data.build();
    }

    private static void add(List<String> tokens, List<Long> types, String text, long type) {
      for (String word : text.trim().split("\\s+")) {
        tokens.add(word);
        types.add(type);
      }
      tokens.add("[SEP]");
      types.add(type);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
