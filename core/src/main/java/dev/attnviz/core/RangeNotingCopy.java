package dev.attnviz.core;

import java.nio.FloatBuffer;

/**
 * Copies floats from a buffer into a {@link Tensor4D.Builder}'s array and notes their least and
 * greatest value on the way, while they are in the first-level cache, so that {@link Attention} can
 * skip its check of every value (a second pass over megabytes no longer in cache). Not thread-safe:
 * one per builder.
 *
 * <p>The values go through a 2 kB scratch array: noted there column by column, into accumulators
 * indexed like the scratch array, then moved with {@link System#arraycopy}. C2 (OpenJDK 17)
 * vectorises the noting loop only in that form, not when the values are noted at an offset in the
 * destination (different offsets in two arrays) nor as a reduction to one least and one greatest
 * value (whose NaN and -0 rules it keeps one value at a time); measured in docs/performance/djl.md,
 * issue 18, sixth round.
 */
final class RangeNotingCopy {

  /**
   * Floats per piece: the scratch array and both accumulators (6 kB) stay in the first-level cache.
   * 4.4 MB through pieces of 256, 384, 512, 1,024 and 2,048 floats, best of 400: 0.32, 0.28-0.29,
   * 0.29, 0.33 and 0.33-0.35 ms (load 1.2).
   */
  static final int PIECE = 512;

  private final float[] scratch = new float[PIECE];

  /** Column-wise least and greatest; 0 at first, the value of every element not written. */
  private final float[] least = new float[PIECE];

  private final float[] greatest = new float[PIECE];

  /**
   * Reads {@code length} values from {@code src} (advancing its position) into {@code dest[destPos,
   * destPos + length)}.
   */
  void copy(FloatBuffer src, float[] dest, int destPos, int length) {
    for (int done = 0; done < length; done += PIECE) {
      int n = Math.min(PIECE, length - done);
      src.get(scratch, 0, n);
      note(n);
      System.arraycopy(scratch, 0, dest, destPos + done, n);
    }
  }

  /**
   * Reads {@code count} runs of {@code run} values, one after another in {@code src} (advancing its
   * position), into {@code dest} at {@code destPos}, {@code destPos + stride}, ... : the rows of
   * one token for every head, from a projection stored {@code [tokens][heads × dim]}.
   */
  void copyRuns(FloatBuffer src, float[] dest, int destPos, int run, int count, int stride) {
    if (run > PIECE) {
      for (int k = 0; k < count; k++) {
        copy(src, dest, destPos + k * stride, run);
      }
      return;
    }
    int perPiece = PIECE / run;
    for (int first = 0; first < count; first += perPiece) {
      int runs = Math.min(perPiece, count - first);
      src.get(scratch, 0, runs * run);
      note(runs * run);
      for (int k = 0; k < runs; k++) {
        System.arraycopy(scratch, k * run, dest, destPos + (first + k) * stride, run);
      }
    }
  }

  /** {@return the least value noted, or 0 if it is less; NaN if a NaN was noted} */
  float least() {
    float value = 0f;
    for (float v : least) {
      value = Math.min(value, v);
    }
    return value;
  }

  /** {@return the greatest value noted, or 0 if it is greater; NaN if a NaN was noted} */
  float greatest() {
    float value = 0f;
    for (float v : greatest) {
      value = Math.max(value, v);
    }
    return value;
  }

  /** Notes {@code scratch[0, n)}, with the value check's column-wise kernel. */
  private void note(int n) {
    HeadValueChecks.leastAndGreatest(scratch, n, least, greatest);
  }
}
