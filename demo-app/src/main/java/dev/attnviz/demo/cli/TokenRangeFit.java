package dev.attnviz.demo.cli;

import java.awt.Dimension;
import java.util.Locale;

/**
 * Which token range of a long input fits one PNG. A view's size grows linearly with its tokens (one
 * row per token, plus fixed margins and labels), so two sizes, of the whole input and of a few of
 * its tokens, give the largest count that fits at a scale.
 *
 * @param tokens the input's token count
 * @param size the view's size in points for all tokens
 * @param fewTokens a smaller token count
 * @param fewSize the view's size for {@code fewTokens} tokens
 */
record TokenRangeFit(int tokens, Dimension size, int fewTokens, Dimension fewSize) {

  /**
   * The largest number of tokens (at least 1, at most {@link #tokens}) whose picture is at most
   * {@code maxSide} pixels a side at {@code scale}.
   */
  int fittingTokens(double scale, int maxSide) {
    double limit = maxSide / scale;
    int fit = tokens;
    fit = Math.min(fit, fitting(size.height, fewSize.height, limit));
    fit = Math.min(fit, fitting(size.width, fewSize.width, limit));
    return Math.max(1, fit);
  }

  /** The token count at which a side, linear between the two sizes, reaches {@code limit}. */
  private int fitting(int all, int few, double limit) {
    if (all <= limit || all <= few || tokens <= fewTokens) {
      return tokens;
    }
    double perToken = (double) (all - few) / (tokens - fewTokens);
    double fixed = few - perToken * fewTokens;
    return (int) Math.floor((limit - fixed) / perToken);
  }

  /**
   * The message refusing a picture too large at {@code scale}: the range that would fit (as the
   * {@code --token-range} option takes it) and the scale that would fit the whole input.
   */
  String advice(double scale, int maxSide) {
    int fit = fittingTokens(scale, maxSide);
    double fittingScale = Math.floor(scale * maxSide / Math.max(width(scale), height(scale)) * 100);
    return String.format(
        Locale.ROOT,
        "a %d x %d pixel image of all %,d tokens is larger than %,d pixels a side; draw the tokens"
            + " in ranges that fit, e.g. --token-range 0:%d (%d tokens at scale %s), or choose a scale"
            + " of at most %.2f",
        width(scale),
        height(scale),
        tokens,
        maxSide,
        fit - 1,
        fit,
        scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale),
        fittingScale / 100);
  }

  private int width(double scale) {
    return (int) Math.ceil(size.width * scale);
  }

  private int height(double scale) {
    return (int) Math.ceil(size.height * scale);
  }
}
