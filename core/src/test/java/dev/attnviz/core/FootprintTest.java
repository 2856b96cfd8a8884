package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A BERT-base sized result (12 layers x 12 heads x 512 tokens, queries and keys of size 64) built
 * through the builders retains about what its floats cost: one copy of the numbers. Measures the
 * heap after full collections, with generous bounds, so it does not depend on timing.
 */
public class FootprintTest {

  private static final int LAYERS = 12;
  private static final int HEADS = 12;
  private static final int TOKENS = 512;
  private static final int HEAD_SIZE = 64;

  /** 4 bytes per float: weights 12*12*512*512, queries and keys 12*12*512*64 each. */
  private static final long FLOAT_BYTES = 4L * LAYERS * HEADS * TOKENS * (TOKENS + 2L * HEAD_SIZE);

  @Test
  void retainsOneCopyOfTheNumbers() {
    long before = usedHeapAfterFullCollections();

    AttentionData data = build();
    long retained = usedHeapAfterFullCollections() - before;

    assertEquals(188_743_680L, FLOAT_BYTES, "about 189 MB (180 MiB) of floats");
    assertEquals(FLOAT_BYTES, data.byteSize());
    assertTrue(
        retained > 0.9 * FLOAT_BYTES,
        () -> "measured " + retained + " bytes; the measurement does not see the data");
    assertTrue(
        retained < 1.25 * FLOAT_BYTES,
        () -> "the result retains " + retained + " bytes for " + FLOAT_BYTES + " bytes of floats");
    Reference.reachabilityFence(data);
  }

  /** A BERT-base sized result with vectors, built through the builders; also used by the bench. */
  public static AttentionData build() {
    Tensor4D.Builder weights = Tensor4D.builder(LAYERS, HEADS, TOKENS, TOKENS);
    Tensor4D.Builder queries = Tensor4D.builder(LAYERS, HEADS, TOKENS, HEAD_SIZE);
    Tensor4D.Builder keys = Tensor4D.builder(LAYERS, HEADS, TOKENS, HEAD_SIZE);
    float[] uniform = new float[TOKENS];
    Arrays.fill(uniform, 1f / TOKENS);
    float[] vector = new float[HEAD_SIZE];
    Arrays.fill(vector, 0.5f);
    for (int l = 0; l < LAYERS; l++) {
      for (int h = 0; h < HEADS; h++) {
        for (int t = 0; t < TOKENS; t++) {
          weights.setRow(l, h, t, uniform, 0);
          queries.setRow(l, h, t, vector, 0);
          keys.setRow(l, h, t, vector, 0);
        }
      }
    }
    List<String> strings = IntStream.range(0, TOKENS).mapToObj(i -> "t" + i).toList();
    return AttentionData.builder()
        .setModel(new ModelInfo("bert-base-sized", "test", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(strings))
                .setWeights(weights.build())
                .optVectors(queries.build(), keys.build())
                .build())
        .build();
  }

  /** The smallest heap use seen over several full collections: garbage left over is not counted. */
  private static long usedHeapAfterFullCollections() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
