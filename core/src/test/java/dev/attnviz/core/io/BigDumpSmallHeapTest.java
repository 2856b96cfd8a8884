package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump larger than one Java array can hold, opened (without reading its weights) in a 128 MB heap
 * (the surefire execution {@code fuzz} of {@code core/pom.xml} runs {@code *SmallHeapTest} with
 * {@code -Xmx128m}): stored float32 entries are memory-mapped, not copied, so the heap never sees
 * the 8.6 GB of weights.
 */
class BigDumpSmallHeapTest {

  /** 4 layers × 131,073 heads × 64 × 64 tokens: 2,147,500,032 floats, 16,384 more than 2^31. */
  private static final int LAYERS = 4;

  private static final int HEADS = 131_073;
  private static final int TOKENS = 64;
  private static final long MATRIX = (long) TOKENS * TOKENS;

  @TempDir Path dir;

  @BeforeAll
  static void theHeapIsSmall() {
    LyingSizesSmallHeapTest.theHeapIsSmall();
  }

  private static long index(int layer, int head, int query, int key) {
    return ((long) layer * HEADS + head) * MATRIX + (long) query * TOKENS + key;
  }

  private static List<String> tokens() {
    List<String> tokens = new ArrayList<>();
    for (int t = 0; t < TOKENS; t++) {
      tokens.add("t" + t);
    }
    return tokens;
  }

  @Test
  void aDumpOfMoreThanTwoToTheThirtyOneFloatsOpensAndItsLastWeightIsRight() throws Exception {
    long last = index(LAYERS - 1, HEADS - 1, TOKENS - 1, TOKENS - 1);
    assertTrue(last + 1 > 1L << 31);
    // Values at the ends and on both sides of the first 1 GB mapping boundary (65,536 matrices).
    Map<Long, Float> values =
        Map.of(
            0L,
            0.5f,
            index(0, 65_535, TOKENS - 1, TOKENS - 1),
            0.125f,
            index(0, 65_536, 0, 0),
            0.375f,
            last - 1,
            0.25f,
            last,
            0.625f);
    Path file = dir.resolve("big.npz");
    SparseNpz.write(
        file,
        List.of(
            SparseNpz.float32("attention", values, LAYERS, HEADS, TOKENS, TOKENS),
            SparseNpz.bytes("tokens", NpyWriter.unicode(tokens()))));
    assertTrue(Files.size(file) > 8L << 30);

    AttentionData data = AttentionFiles.read(file);

    Tensor4D weights = data.primary().weights();
    assertEquals(last + 1, weights.elementCount());
    assertEquals(0, weights.heapByteSize(), "the weights are mapped, not on the heap");
    assertEquals(0.625f, weights.get(LAYERS - 1, HEADS - 1, TOKENS - 1, TOKENS - 1));
    assertEquals(0.25f, weights.row(LAYERS - 1, HEADS - 1, TOKENS - 1).get(TOKENS - 2));
    assertEquals(0.5f, weights.get(0, 0, 0, 0));
    assertEquals(0.125f, weights.matrix(0, 65_535).get((int) MATRIX - 1));
    assertEquals(0.375f, weights.copyMatrix(0, 65_536)[0]);
    assertEquals(0f, weights.get(2, 70_000, 5, 7));
    assertEquals("t63", data.primary().keyTokens().get(TOKENS - 1));
    // Opened without reading its 8.6 GB: the values are checked per head when looked at.
    assertTrue(data.primary().checksDeferred());
    assertEquals(Optional.empty(), data.primary().problem(LAYERS - 1, HEADS - 1));
  }

  @Test
  void aFloat64DumpTooLargeToCopySaysToSaveFloat32() throws Exception {
    Path file = dir.resolve("big64.npz");
    SparseNpz.write(
        file,
        List.of(
            SparseNpz.array("attention", "<f8", Map.of(), LAYERS, HEADS, TOKENS, TOKENS),
            SparseNpz.bytes("tokens", NpyWriter.unicode(tokens()))));

    FileErrors.assertMentions(
        FileErrors.messageOf(file, () -> AttentionFiles.read(file)),
        "attention.npy: shape [4, 131073, 64, 64] has more elements than one Java array can hold",
        "Save it as C-ordered float32",
        "maps it from the disk");
  }
}
