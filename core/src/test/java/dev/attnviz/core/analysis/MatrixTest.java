package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

  @Test
  void readsRowMajorValues() {
    Matrix matrix = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);

    assertEquals(2, matrix.rows());
    assertEquals(3, matrix.cols());
    assertEquals(6, matrix.get(1, 2));
    assertArrayEquals(new double[] {4, 5, 6}, matrix.row(1));
    assertEquals(15, matrix.rowSum(1));
    assertEquals("2 x 3", matrix.shape());
  }

  @Test
  void neverSharesItsArray() {
    double[] values = {1, 2, 3, 4};
    Matrix matrix = Matrix.of(2, 2, values);

    values[0] = 9;
    matrix.toArray()[1] = 9;
    matrix.row(1)[0] = 9;

    assertArrayEquals(new double[] {1, 2, 3, 4}, matrix.toArray());
  }

  @Test
  void multipliesAndSubtracts() {
    Matrix a = Matrix.of(2, 2, 1, 2, 3, 4);
    Matrix b = Matrix.of(2, 1, 5, 6);

    // (1·5 + 2·6, 3·5 + 4·6)
    assertEquals(Matrix.of(2, 1, 17, 39), a.times(b));
    assertEquals(Matrix.of(2, 2, 0, 1, 2, 3), a.minus(Matrix.of(2, 2, 1, 1, 1, 1)));
  }

  @Test
  void rejectsMismatchedShapes() {
    Matrix a = Matrix.of(2, 2, 1, 2, 3, 4);

    IllegalArgumentException times =
        assertThrows(IllegalArgumentException.class, () -> a.times(Matrix.of(3, 1, 1, 2, 3)));
    assertTrue(times.getMessage().contains("2 x 2") && times.getMessage().contains("3 x 1"));
    assertThrows(IllegalArgumentException.class, () -> a.minus(Matrix.of(1, 2, 1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Matrix.of(2, 2, 1, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
  }

  @Test
  void rangeIgnoresNan() {
    ValueRange range = Matrix.of(1, 3, -0.25, Double.NaN, 0.125).range();

    assertEquals(-0.25, range.min());
    assertEquals(0.125, range.max());
    assertEquals(0.25, range.maxAbs());
  }

  @Test
  void equalityComparesShapeAndValues() {
    assertEquals(Matrix.of(1, 2, 1, 2), Matrix.of(1, 2, 1, 2));
    assertEquals(Matrix.of(1, 2, 1, 2).hashCode(), Matrix.of(1, 2, 1, 2).hashCode());
    assertNotEquals(Matrix.of(1, 2, 1, 2), Matrix.of(2, 1, 1, 2));
  }
}
