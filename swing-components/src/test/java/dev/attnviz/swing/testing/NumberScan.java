package dev.attnviz.swing.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scans shown text for decimals with more significant digits than a reader can use. */
public final class NumberScan {

  private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

  private NumberScan() {}

  /**
   * Asserts that every decimal in {@code text} has at most four significant digits ({@code 1.000},
   * {@code 0.00003142}, never {@code 1.0000} or {@code 0.33333334}); returns how many it checked.
   *
   * @param text a tooltip, label or cell text
   * @return the number of decimals found
   */
  public static int assertAtMostFourSignificantDigits(String text) {
    Matcher matcher = DECIMAL.matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
      String digits = matcher.group().replace(".", "").replaceFirst("^0+", "");
      assertTrue(digits.length() <= 4, "'" + matcher.group() + "' has too many digits in: " + text);
    }
    return found;
  }
}
