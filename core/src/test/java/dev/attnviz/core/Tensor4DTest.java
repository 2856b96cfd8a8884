package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Tensor4DTest {

  private static Tensor4D counting() {
    float[] values = new float[2 * 3 * 4 * 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    return Tensor4D.copyOf(values, 2, 3, 4, 5);
  }

  @Test
  void storesRowMajor() {
    Tensor4D t = counting();

    assertEquals(((1 * 3 + 2) * 4 + 3) * 5 + 4, t.get(1, 2, 3, 4));
    assertEquals(120, t.size());
    assertEquals(480, t.byteSize());
    assertEquals("[2, 3, 4, 5]", t.shape());
    assertEquals(3, t.dim1());
  }

  @Test
  void rejectsValueCountsThatDoNotMatchTheShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Tensor4D.copyOf(new float[7], 1, 2, 2, 2));

    assertEquals("values has 7 elements but shape [1, 2, 2, 2] needs 8", e.getMessage());
  }

  @Test
  void rejectsNegativeAndOversizedShapes() {
    assertEquals(
        "negative dimension in shape [1, -2, 3, 4]",
        assertThrows(IllegalArgumentException.class, () -> Tensor4D.builder(1, -2, 3, 4))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Tensor4D.checkedSize(65536, 65536, 1, 1))
            .getMessage()
            .contains("more elements than one Java array can hold"));
    assertEquals(0, Tensor4D.checkedSize(0, Integer.MAX_VALUE, Integer.MAX_VALUE, 5));
  }

  @Test
  void checksEveryIndex() {
    Tensor4D t = counting();

    assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 3, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 0, 4, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 0, 0, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 0, 0, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> t.row(0, 0, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> t.matrix(0, 3));
    assertThrows(
        IndexOutOfBoundsException.class, () -> Tensor4D.builder(1, 1, 1, 1).set(0, 0, 0, 1, 1f));
  }

  @Test
  void copiesArraysOnTheWayInAndOut() {
    float[] values = {1, 2, 3, 4};
    Tensor4D t = Tensor4D.copyOf(values, 1, 1, 2, 2);
    values[0] = 99;
    t.toArray()[1] = 99;
    t.copyMatrix(0, 0)[2] = 99;

    assertArrayEquals(new float[] {1, 2, 3, 4}, t.toArray());
  }

  @Test
  void viewsAreReadOnly() {
    Tensor4D t = counting();
    FloatBuffer row = t.row(1, 1, 1);
    FloatBuffer matrix = t.matrix(1, 2);

    assertEquals(5, row.remaining());
    assertEquals(t.get(1, 1, 1, 0), row.get(0));
    assertEquals(20, matrix.remaining());
    assertEquals(t.get(1, 2, 3, 4), matrix.get(19));
    assertThrows(ReadOnlyBufferException.class, () -> row.put(0, 1f));
    assertThrows(ReadOnlyBufferException.class, () -> matrix.put(0, 1f));
  }

  @Test
  void builderHandsItsArrayOverOnce() {
    Tensor4D.Builder builder = Tensor4D.builder(1, 1, 2, 2).set(0, 0, 1, 1, 0.5f);
    builder.setRow(0, 0, 0, new float[] {9, 0.25f, 0.75f}, 1);
    builder.setRow(0, 0, 1, FloatBuffer.wrap(new float[] {0.125f, 0.5f}));

    Tensor4D t = builder.build();

    assertArrayEquals(new float[] {0.25f, 0.75f, 0.125f, 0.5f}, t.toArray());
    assertThrows(IllegalStateException.class, builder::build);
    assertThrows(IllegalStateException.class, () -> builder.set(0, 0, 0, 0, 1f));
  }

  @Test
  void equalityFollowsShapeAndValues() {
    Tensor4D a = Tensor4D.copyOf(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor4D same = Tensor4D.copyOf(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
    Tensor4D otherShape = Tensor4D.copyOf(new float[] {1, 2, 3, 4}, 1, 1, 1, 4);
    Tensor4D otherValue = Tensor4D.copyOf(new float[] {1, 2, 3, 5}, 1, 1, 2, 2);

    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    assertNotEquals(a, otherShape);
    assertNotEquals(a, otherValue);
    assertNotEquals(a, null);
  }

  /** 3 layers × 2 heads of 2 × 3 matrices, two matrices per buffer: three buffers. */
  @Test
  void aTensorOverBuffersOfWholeMatricesReadsLikeOneOnTheHeap() {
    float[] values = new float[3 * 2 * 2 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 100f;
    }
    Tensor4D heap = Tensor4D.copyOf(values, 3, 2, 2, 3);
    List<FloatBuffer> chunks = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      chunks.add(FloatBuffer.wrap(values, c * 12, 12));
    }
    Tensor4D chunked = Tensor4D.ofMatrixChunks(chunks, 2, 3, 2, 2, 3);

    assertEquals(heap, chunked);
    assertEquals(chunked, heap);
    assertEquals(heap.hashCode(), chunked.hashCode());
    assertEquals(heap.get(2, 1, 1, 2), chunked.get(2, 1, 1, 2));
    assertEquals(0.17f, chunked.get(1, 0, 1, 2));
    assertEquals(heap.row(1, 1, 0), chunked.row(1, 1, 0));
    assertEquals(heap.matrix(2, 0), chunked.matrix(2, 0));
    assertArrayEquals(heap.copyMatrix(1, 1), chunked.copyMatrix(1, 1));
    assertArrayEquals(values, chunked.toArray());
    float[] row = new float[3];
    chunked.copyRow(2, 1, 1, row, 0);
    assertArrayEquals(new float[] {0.33f, 0.34f, 0.35f}, row);
    assertEquals(0, chunked.heapByteSize());
    assertEquals(heap.byteSize(), chunked.byteSize());
    assertThrows(IndexOutOfBoundsException.class, () -> chunked.get(3, 0, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> chunked.get(0, 0, 2, 0));
    assertThrows(ReadOnlyBufferException.class, () -> chunked.matrix(0, 0).put(0, 1f));
    assertThrows(
        IllegalArgumentException.class, () -> Tensor4D.ofMatrixChunks(chunks, 2, 3, 2, 2, 2));
  }
}
