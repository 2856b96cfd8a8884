package dev.attnviz.demo.app;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.testing.SyntheticAttention;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider named {@value #NAME} for demo tests that counts what it is asked: how many models it
 * opened and which requests it computed. Its "model" splits the text on spaces; it offers queries
 * and keys, so that the app's default request can be asked of it unchanged.
 */
final class CountingProviderFactory implements AttentionProviderFactory {

  static final String NAME = "counting";

  final AtomicInteger opens = new AtomicInteger();
  final List<AttentionRequest> computed = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Counts opens and computes, for tests";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(
        Capability.QUERY_KEY_VECTORS, Capability.SENTENCE_PAIRS, Capability.TRUNCATION);
  }

  @Override
  public String defaultModelName() {
    return "counting-model";
  }

  @Override
  public AttentionProvider open(ModelSource source, ProgressListener progress)
      throws AttentionException {
    progress.onStage(ProgressListener.Stage.LOADING, "counting-model");
    opens.incrementAndGet();
    return new AttentionProvider() {
      @Override
      public String providerName() {
        return NAME;
      }

      @Override
      public ModelInfo model() {
        return new ModelInfo("counting-model", NAME, false);
      }

      @Override
      public Set<Capability> capabilities() {
        return CountingProviderFactory.this.capabilities();
      }

      @Override
      public int maxTokens() {
        return 512;
      }

      @Override
      public AttentionData compute(AttentionRequest request) {
        computed.add(request);
        List<String> words = new ArrayList<>(List.of(request.textA().split("\\s+")));
        request.textB().ifPresent(b -> words.addAll(List.of(b.split("\\s+"))));
        int n = words.size();
        AttentionData.Builder data =
            AttentionData.builder()
                .setModel(model())
                .addAttention(
                    Attention.builder(AttentionKind.SELF)
                        .setTokens(Tokens.of(words))
                        .setWeights(SyntheticAttention.weights(1, 2, n, n, 0))
                        .build());
        return data.build();
      }

      @Override
      public void close() {}
    };
  }
}
