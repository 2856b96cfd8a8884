package dev.attnviz.swing.export;

/** Makes any token text legal XML 1.0 character data, visibly. */
final class XmlText {

  private XmlText() {}

  /**
   * Replaces what XML 1.0 cannot hold, even escaped: C0 control characters (tab, line feed and
   * carriage return included, which an SVG viewer would turn into spaces) become their Unicode
   * control pictures (U+2400 to U+241F, DEL U+2421), so a token made of them still shows; lone
   * surrogates, U+FFFE and U+FFFF become U+FFFD.
   */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char replacement = replacement(text, i);
      if (replacement != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement);
      }
    }
    return out == null ? text : out.toString();
  }

  private static char replacement(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20) {
      return (char) (0x2400 + c);
    }
    if (c == 0x7F) {
      return '\u2421';
    }
    if (c == 0xFFFE || c == 0xFFFF) {
      return '\uFFFD';
    }
    if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      return paired ? c : '\uFFFD';
    }
    if (Character.isLowSurrogate(c)) {
      boolean paired = i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      return paired ? c : '\uFFFD';
    }
    return c;
  }
}
