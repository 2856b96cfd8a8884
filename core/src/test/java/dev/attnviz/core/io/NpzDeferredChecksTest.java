package dev.attnviz.core.io;

import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped dump above the reader's threshold opens without its weights being read; a bad weight is
 * then reported by the head that holds it, with the message a check at open gives for a small file.
 */
class NpzDeferredChecksTest {

  private static final String NAN_AT_1_0 =
      "self attention: weight at [layer 1][head 0][2][3] is NaN; weights must be finite numbers";

  @TempDir Path dir;

  private Path dumpWithNaN(boolean deflated) throws Exception {
    float[] values = floats(2, 2, 4, 4, 0);
    values[((1 * 2 + 0) * 4 + 2) * 4 + 3] = Float.NaN;
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(values, ByteOrder.LITTLE_ENDIAN, false, 2, 2, 4, 4))
            .put("tokens", NpyWriter.unicode(List.of("[CLS]", "a", "b", "[SEP]")));
    Path file = dir.resolve(deflated ? "deflated.npz" : "stored.npz");
    Files.write(file, deflated ? npz.deflated() : npz.stored());
    return file;
  }

  @Test
  void aMappedDumpAboveTheThresholdOpensAndSaysWhichHeadIsBad() throws Exception {
    AttentionData data = new NpzReader(MemoryBudget.RUNTIME, 0).read(dumpWithNaN(false), null);

    Attention attention = data.primary();
    assertTrue(attention.checksDeferred());
    assertEquals(Optional.empty(), attention.problem(0, 0));
    assertEquals(Optional.of(NAN_AT_1_0), attention.problem(1, 0));
    assertTrue(Float.isNaN(attention.weight(1, 0, 2, 3)), "the data is what the file holds");
    // Saved again as JSON, the NaN would make a file no reader accepts: refused, nothing written.
    Path json = dir.resolve("again.json");
    assertEquals(
        NAN_AT_1_0,
        assertThrows(IllegalArgumentException.class, () -> AttentionJson.write(data, json))
            .getMessage());
    assertFalse(Files.exists(json));
  }

  @Test
  void smallDumpsAndCopiedArraysAreStillCheckedWhole() throws Exception {
    Path stored = dumpWithNaN(false);
    String message = FileErrors.messageOf(stored, () -> AttentionFiles.read(stored));
    assertTrue(message.contains(NAN_AT_1_0), message);
    // A compressed array is copied into the heap, so nothing is mapped and nothing deferred.
    Path deflated = dumpWithNaN(true);
    InvalidFileException copied =
        assertThrows(
            InvalidFileException.class,
            () -> new NpzReader(MemoryBudget.RUNTIME, 0).read(deflated, null));
    assertTrue(copied.getMessage().contains(NAN_AT_1_0), copied.getMessage());
    assertFalse(NpzReader.DEFER_CHECKS_ABOVE < 1 << 20, "small files are checked at open");
  }
}
