package dev.attnviz.core;

/**
 * Says that an input was longer than the model takes and was cut.
 *
 * @param originalTokenCount tokens the full input would have had, special tokens included
 * @param keptTokenCount tokens actually fed to the model, special tokens included
 */
public record Truncation(int originalTokenCount, int keptTokenCount) {

  /**
   * Checks the counts.
   *
   * @param originalTokenCount tokens the full input would have had, special tokens included
   * @param keptTokenCount tokens actually fed to the model, at least 1 and fewer than {@code
   *     originalTokenCount}
   * @throws IllegalArgumentException unless {@code 0 < keptTokenCount < originalTokenCount}
   */
  public Truncation {
    if (keptTokenCount <= 0 || keptTokenCount >= originalTokenCount) {
      throw new IllegalArgumentException(
          "a truncation keeps fewer tokens than the original but more than none; got kept="
              + keptTokenCount
              + ", original="
              + originalTokenCount);
    }
  }

  /** {@return a sentence for the user, e.g. "Input truncated: 600 tokens, the first 512 kept."} */
  public String message() {
    return "Input truncated: "
        + originalTokenCount
        + " tokens, "
        + keptTokenCount
        + " kept (the model's maximum).";
  }
}
