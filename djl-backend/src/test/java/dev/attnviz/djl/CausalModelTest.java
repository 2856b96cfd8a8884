package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.core.testing.AttentionAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decoder-only model, built by the test in the shape of a Hugging Face GPT-2 export. */
class CausalModelTest {

  @TempDir Path temp;

  /** Opens {@code source}, computes attention and vectors of {@code text}, closes. */
  private AttentionData computeWithVectors(ModelSource source, String text) throws Exception {
    try (AttentionProvider provider = new DjlProviderFactory(temp.resolve("cache")).open(source)) {
      return provider.compute(
          AttentionRequest.builder().setTextA(text).optQueriesAndKeys(true).build());
    }
  }

  @Test
  void gpt2ShapedExportGivesCausalLowerTriangularAttention() throws Exception {
    Path folder = TinyGpt2.write(temp.resolve("tiny-gpt2"));
    try (AttentionProvider provider =
        new DjlProviderFactory(temp.resolve("cache")).open(ModelSource.of(folder))) {
      AttentionData data =
          provider.compute(
              AttentionRequest.builder()
                  .setTextA("the cat sat on the mat")
                  .optQueriesAndKeys(true)
                  .build());

      assertEquals(new ModelInfo("tiny-gpt2", "djl", true), data.model());
      Attention attention = data.primary();
      assertEquals(
          List.of("<bos>", "the", "cat", "sat", "on", "the", "mat"),
          attention.queryTokens().strings());
      assertEquals(TinyGpt2.LAYERS, attention.layerCount());
      assertEquals(TinyGpt2.HEADS, attention.headCount());
      assertEquals(TinyGpt2.HEAD_SIZE, attention.headSize());
      int n = attention.queryTokens().size();
      for (int l = 0; l < attention.layerCount(); l++) {
        for (int h = 0; h < attention.headCount(); h++) {
          for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
              assertEquals(0f, attention.weight(l, h, i, j), "future key " + j + " of query " + i);
            }
            assertTrue(attention.weight(l, h, i, 0) > 0f, "first key is visible");
          }
        }
      }
      AttentionAssertions.assertRowsSumToOne(data, 1e-5);
      AttentionAssertions.assertVectorsReproduceWeights(data, 1e-4);
    }
  }

  @Test
  void userPatternsFindTheSameTensors() throws Exception {
    Path folder = TinyGpt2.write(temp.resolve("tiny-gpt2"));
    ModelSource custom =
        ModelSource.of(folder)
            .withOption(ModelSource.ATTENTION_PATTERN, TinyGpt2.ATTENTION_PATTERN)
            .withOption(ModelSource.QUERY_PATTERN, TinyGpt2.QUERY_PATTERN)
            .withOption(ModelSource.KEY_PATTERN, TinyGpt2.KEY_PATTERN)
            .withOption(DjlProviderFactory.CAUSAL, "true");

    assertEquals(
        computeWithVectors(ModelSource.of(folder), "a dog ran far away"),
        computeWithVectors(custom, "a dog ran far away"));
  }

  @Test
  void pairsAndTruncationAtThePositionTableSize() throws Exception {
    Path folder = TinyGpt2.write(temp.resolve("tiny-gpt2"));
    try (AttentionProvider provider =
        new DjlProviderFactory(temp.resolve("cache")).open(ModelSource.of(folder))) {
      assertEquals(TinyGpt2.POSITIONS, provider.maxTokens(), "rows of wpe.weight");

      AttentionData data =
          provider.compute(
              AttentionRequest.builder()
                  .setTextA("the cat sat on the mat and then the dog ran far away and then a cat")
                  .optTextB("hello world")
                  .optOverflow(OverflowPolicy.TRUNCATE)
                  .build());

      assertEquals(new Truncation(1 + 17 + 2, 16), data.truncation().orElseThrow());
      List<String> tokens = data.primary().queryTokens().strings();
      assertEquals(16, tokens.size());
      assertEquals(14, data.sentenceBStart().orElseThrow());
      assertEquals(List.of("hello", "world"), tokens.subList(14, 16));
      AttentionAssertions.assertRowsSumToOne(data, 1e-5);
    }
  }

  @Test
  void int32InputsAndExplicitPositionIdsAreFilledToo() throws Exception {
    Path usual = TinyGpt2.write(temp.resolve("int64"));
    Path other = TinyGpt2.write(temp.resolve("int32"), TensorProto.DataType.INT32, true);

    assertEquals(
        computeWithVectors(ModelSource.of(usual), "then the dog sat").primary(),
        computeWithVectors(ModelSource.of(other), "then the dog sat").primary());
  }
}
