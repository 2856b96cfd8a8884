package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Tensor4D#mapFile} and {@link Tensor4D#readMatrix}: a whole-matrix pass over a mapped file
 * reads the file itself, and must see exactly what the mapping shows, whatever happens to the file
 * or the thread.
 */
class MappedFileTensorTest {

  private static final int LAYERS = 2;
  private static final int HEADS = 3;
  private static final int ROWS = 5;
  private static final int COLUMNS = 7;

  /** Not a multiple of 4, as the data of an .npz entry after its header usually is not. */
  private static final int OFFSET = 13;

  @TempDir Path folder;

  /** Random values, stored from {@link #OFFSET} in {@code order}; the file is {@code file}. */
  private static float[] write(Path file, ByteOrder order, long seed) throws IOException {
    float[] values = new float[LAYERS * HEADS * ROWS * COLUMNS];
    Random random = new Random(seed);
    ByteBuffer bytes = ByteBuffer.allocate(OFFSET + values.length * Float.BYTES).order(order);
    bytes.position(OFFSET);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
      bytes.putFloat(values[i]);
    }
    Files.write(file, bytes.array());
    return values;
  }

  private static Tensor4D map(Path file, ByteOrder order) throws IOException {
    return Tensor4D.mapFile(file, OFFSET, order, LAYERS, HEADS, ROWS, COLUMNS);
  }

  private static float[] readAll(Tensor4D tensor, int layer, int head) {
    return tensor.readMatrix(
        layer,
        head,
        matrix -> {
          float[] copy = new float[matrix.remaining()];
          matrix.get(copy);
          return copy;
        });
  }

  private static float[] expected(float[] values, int layer, int head) {
    float[] matrix = new float[ROWS * COLUMNS];
    System.arraycopy(values, (layer * HEADS + head) * matrix.length, matrix, 0, matrix.length);
    return matrix;
  }

  private static void assertReadsAsWritten(Tensor4D tensor, float[] values) {
    for (int l = 0; l < LAYERS; l++) {
      for (int h = 0; h < HEADS; h++) {
        String where = "[" + l + "][" + h + "]";
        float[] want = expected(values, l, h);
        assertTrue(java.util.Arrays.equals(want, readAll(tensor, l, h)), "read " + where);
        float[] mapped = new float[want.length];
        tensor.matrix(l, h).get(mapped);
        assertTrue(java.util.Arrays.equals(want, mapped), "mapped " + where);
      }
    }
  }

  @Test
  void readsEveryMatrixAsTheMappingShowsItInEitherByteOrder() throws IOException {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      Path file = folder.resolve("values-" + order + ".bin");
      float[] values = write(file, order, 1);

      Tensor4D tensor = map(file, order);

      assertReadsAsWritten(tensor, values);
      assertEquals(Tensor4D.copyOf(values, LAYERS, HEADS, ROWS, COLUMNS), tensor);
    }
  }

  @Test
  void readingTheSameMatrixTwiceInARowGivesItTwiceAndOthersStillTheirOwn() throws IOException {
    Path file = folder.resolve("twice.bin");
    float[] values = write(file, ByteOrder.LITTLE_ENDIAN, 2);
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);
    Tensor4D other = map(file, ByteOrder.LITTLE_ENDIAN);

    assertTrue(java.util.Arrays.equals(expected(values, 1, 2), readAll(tensor, 1, 2)));
    assertTrue(java.util.Arrays.equals(expected(values, 1, 2), readAll(tensor, 1, 2)));
    assertTrue(java.util.Arrays.equals(expected(values, 0, 1), readAll(other, 0, 1)));
    assertTrue(java.util.Arrays.equals(expected(values, 1, 2), readAll(tensor, 1, 2)));
  }

  @Test
  void aFileReplacedOrDeletedAfterOpeningStillReadsAsOpened() throws IOException {
    Path file = folder.resolve("replaced.bin");
    float[] values = write(file, ByteOrder.LITTLE_ENDIAN, 3);
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);
    Path newer = folder.resolve("newer.bin");
    write(newer, ByteOrder.LITTLE_ENDIAN, 4);

    // Saving a file anew usually writes another file and renames it over the old one.
    Files.move(newer, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertReadsAsWritten(tensor, values);

    Files.delete(file);
    assertReadsAsWritten(tensor, values);
  }

  @Test
  void anInterruptedThreadReadsTheMappingAndKeepsItsInterrupt() throws IOException {
    Path file = folder.resolve("interrupted.bin");
    float[] values = write(file, ByteOrder.LITTLE_ENDIAN, 5);
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);

    Thread.currentThread().interrupt();
    try {
      assertTrue(java.util.Arrays.equals(expected(values, 1, 1), readAll(tensor, 1, 1)));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is the caller's to handle");
    } finally {
      Thread.interrupted();
    }
    assertReadsAsWritten(tensor, values);
  }

  @Test
  void aPassInsideAPassSeesItsOwnMatrix() throws IOException {
    Path file = folder.resolve("nested.bin");
    float[] values = write(file, ByteOrder.LITTLE_ENDIAN, 6);
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);

    float[][] seen = new float[2][];
    tensor.readMatrix(
        0,
        0,
        outer -> {
          seen[1] = readAll(tensor, 1, 2);
          seen[0] = new float[outer.remaining()];
          outer.get(seen[0]);
          return null;
        });

    assertTrue(java.util.Arrays.equals(expected(values, 0, 0), seen[0]));
    assertTrue(java.util.Arrays.equals(expected(values, 1, 2), seen[1]));
  }

  @Test
  void aPassCannotWriteIntoTheTensor() throws IOException {
    Path file = folder.resolve("readonly.bin");
    write(file, ByteOrder.LITTLE_ENDIAN, 7);
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);

    assertTrue(tensor.readMatrix(0, 0, FloatBuffer::isReadOnly));
    assertTrue(Tensor4D.copyOf(new float[4], 1, 1, 2, 2).readMatrix(0, 0, FloatBuffer::isReadOnly));
  }

  @Test
  void refusesDataRunningPastTheEndOfTheFileAndIndicesOutOfRange() throws IOException {
    Path file = folder.resolve("short.bin");
    write(file, ByteOrder.LITTLE_ENDIAN, 8);

    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tensor4D.mapFile(file, OFFSET + 4, ByteOrder.LITTLE_ENDIAN, 2, 3, 5, 7));
    assertTrue(tooLong.getMessage().contains("run past"), tooLong.getMessage());
    Tensor4D tensor = map(file, ByteOrder.LITTLE_ENDIAN);
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.readMatrix(2, 0, m -> m));
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.readMatrix(0, -1, m -> m));
  }

  @Test
  void matricesTooLargeForOneReadBufferAreLeftToTheMapping() {
    int floats = (int) (FileMatrices.MAX_MATRIX_BYTES / Float.BYTES);
    Path any = folder;

    assertNull(FileMatrices.of(any, 0, ByteOrder.LITTLE_ENDIAN, floats + 1));
  }
}
