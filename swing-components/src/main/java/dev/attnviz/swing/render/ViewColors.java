package dev.attnviz.swing.render;

import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;

/**
 * The colours and font the attention views paint with, read from {@link UIManager} so that any look
 * and feel themes them. Each key falls back to a standard Swing key and then to a fixed default:
 *
 * <table>
 *   <caption>UIManager keys</caption>
 *   <tr><th>Key</th><th>Fallback key</th><th>Default</th><th>Used for</th></tr>
 *   <tr><td>{@code AttentionView.background}</td><td>{@code Panel.background}</td>
 *       <td>white</td><td>view background</td></tr>
 *   <tr><td>{@code AttentionView.foreground}</td><td>{@code Label.foreground}</td>
 *       <td>#222222</td><td>token text, labels</td></tr>
 *   <tr><td>{@code AttentionView.mutedForeground}</td><td>{@code Label.disabledForeground}</td>
 *       <td>#888888</td><td>axis labels, placeholders, inactive heads</td></tr>
 *   <tr><td>{@code AttentionView.selectionColor}</td><td>{@code Component.focusColor}</td>
 *       <td>#2675BF</td><td>selected cell border, locked token, keyboard focus</td></tr>
 *   <tr><td>{@code AttentionView.highlightBackground}</td><td>{@code List.selectionBackground}
 *       </td><td>#D5E5F7</td><td>hovered token background</td></tr>
 *   <tr><td>{@code AttentionView.gridColor}</td><td>{@code Separator.foreground}</td>
 *       <td>#CCCCCC</td><td>grid lines, thumbnail borders</td></tr>
 *   <tr><td>{@code AttentionView.heatColor}</td><td>none</td><td>#1F5FBF (light),
 *       #7FB2FF (dark)</td><td>full-weight colour of heatmap cells</td></tr>
 *   <tr><td>{@code AttentionView.positiveColor}</td><td>none</td><td>#2166AC (light),
 *       #67A9CF (dark)</td><td>positive values (neuron view, differences)</td></tr>
 *   <tr><td>{@code AttentionView.negativeColor}</td><td>none</td><td>#D6604D (light),
 *       #F4A582 (dark)</td><td>negative values</td></tr>
 *   <tr><td>{@code AttentionView.font}</td><td>{@code Label.font}</td><td>SansSerif 12</td>
 *       <td>token labels</td></tr>
 * </table>
 *
 * <p>Whether the theme is dark is judged from the background's luminance. Views re-read their
 * colours in {@code updateUI()}. Immutable.
 *
 * @param background view background
 * @param foreground token text and labels
 * @param mutedForeground axis labels, placeholders
 * @param selection selection border and focus
 * @param highlightBackground hovered token background
 * @param grid grid lines
 * @param heat full-weight heatmap colour
 * @param positive positive values
 * @param negative negative values
 * @param font token font
 * @param dark whether the background is dark
 * @param palette the head colours
 */
public record ViewColors(
    Color background,
    Color foreground,
    Color mutedForeground,
    Color selection,
    Color highlightBackground,
    Color grid,
    Color heat,
    Color positive,
    Color negative,
    Font font,
    boolean dark,
    HeadPalette palette) {

  /** Checks the palette. */
  public ViewColors {
    java.util.Objects.requireNonNull(palette, "palette");
  }

  /**
   * These colours with a component's own background, foreground, font and head palette (e.g. set by
   * {@code setBackground} on a view) in place of the look and feel's; whether the theme is dark
   * follows the background.
   */
  public ViewColors restyled(
      Color newBackground, Color newForeground, Font newFont, HeadPalette newPalette) {
    return new ViewColors(
        newBackground,
        newForeground,
        mutedForeground,
        selection,
        highlightBackground,
        grid,
        heat,
        positive,
        negative,
        newFont,
        isDark(newBackground),
        newPalette);
  }

  /**
   * These colours for a picture on white paper: a light theme's colours on a white background; for
   * a dark theme the light defaults of the table above, so that text and lines stay readable on the
   * page. Font and head palette are kept.
   *
   * @return colours with a white background that are not {@linkplain #dark() dark}
   */
  public ViewColors onPaper() {
    if (!dark) {
      return restyled(Color.WHITE, foreground, font, palette);
    }
    return new ViewColors(
        Color.WHITE,
        new Color(0x222222),
        new Color(0x888888),
        new Color(0x2675BF),
        new Color(0xD5E5F7),
        new Color(0xCCCCCC),
        new Color(0x1F5FBF),
        new Color(0x2166AC),
        new Color(0xD6604D),
        font,
        false,
        palette);
  }

  /** Reads the current look and feel's colours, with the standard head palette. */
  public static ViewColors fromUIManager() {
    Color background = color("AttentionView.background", "Panel.background", Color.WHITE);
    boolean dark = isDark(background);
    return new ViewColors(
        background,
        color("AttentionView.foreground", "Label.foreground", new Color(0x222222)),
        color("AttentionView.mutedForeground", "Label.disabledForeground", new Color(0x888888)),
        color("AttentionView.selectionColor", "Component.focusColor", new Color(0x2675BF)),
        color(
            "AttentionView.highlightBackground",
            "List.selectionBackground",
            dark ? new Color(0x2F4A66) : new Color(0xD5E5F7)),
        color("AttentionView.gridColor", "Separator.foreground", new Color(0xCCCCCC)),
        color("AttentionView.heatColor", null, dark ? new Color(0x7FB2FF) : new Color(0x1F5FBF)),
        color(
            "AttentionView.positiveColor", null, dark ? new Color(0x67A9CF) : new Color(0x2166AC)),
        color(
            "AttentionView.negativeColor", null, dark ? new Color(0xF4A582) : new Color(0xD6604D)),
        uiFont(),
        dark,
        HeadPalette.standard());
  }

  /** Whether a background colour counts as dark (relative luminance below one half). */
  public static boolean isDark(Color background) {
    double luminance =
        (0.2126 * background.getRed()
                + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue())
            / 255.0;
    return luminance < 0.5;
  }

  /** How text in {@link #font()} is measured and drawn; see {@link ViewText}. */
  public ViewText text() {
    return ViewText.of(font);
  }

  /** The colour of {@code head} among {@code headCount} heads for this theme and palette. */
  public Color headColor(int head, int headCount) {
    return palette.headColor(head, headCount, dark);
  }

  private static Color color(String key, String fallbackKey, Color defaultColor) {
    Color color = UIManager.getColor(key);
    if (color == null && fallbackKey != null) {
      color = UIManager.getColor(fallbackKey);
    }
    // Copy, so that a look and feel's ColorUIResource never leaks into painting state.
    return color == null ? defaultColor : new Color(color.getRGB(), true);
  }

  private static Font uiFont() {
    Font font = UIManager.getFont("AttentionView.font");
    if (font == null) {
      font = UIManager.getFont("Label.font");
    }
    return font == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : font;
  }
}
