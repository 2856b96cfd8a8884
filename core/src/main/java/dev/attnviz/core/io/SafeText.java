package dev.attnviz.core.io;

/**
 * Makes text from a file safe to show in a message: control characters, which a terminal obeys (an
 * escape sequence can retitle or clear it) and which break a message onto several lines, are shown
 * as escapes such as {@code \x1b}; so are the bidirectional overrides, which can make text read
 * differently from what it is. Everything else, non-ASCII letters included, stays as it is.
 */
public final class SafeText {

  private SafeText() {}

  /**
   * {@code text} with every control character written as {@code \xNN} or {@code \\uNNNN}.
   *
   * @param text any text, or null
   * @return the text safe to print on one line, or null if {@code text} is null
   */
  public static String escapeControls(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(
            c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f';
  }
}
