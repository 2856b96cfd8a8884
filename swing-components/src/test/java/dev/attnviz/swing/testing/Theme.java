package dev.attnviz.swing.testing;

import java.awt.Color;
import java.awt.Font;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.swing.UIManager;

/**
 * Light and dark themes through the documented {@code AttentionView.*} UIManager keys, as a FlatLaf
 * host would set them (FlatLaf itself is not a dependency of this module), plus {@code
 * Panel.background}, {@code Label.foreground} and (dark) the check box and table keys, so that the
 * views' own controls match.
 */
public enum Theme {
  /** White background, dark text. */
  LIGHT(
      Map.of(
          "AttentionView.background", new Color(0xFFFFFF),
          "AttentionView.foreground", new Color(0x1F2328),
          "AttentionView.mutedForeground", new Color(0x6E7781),
          "AttentionView.selectionColor", new Color(0x2675BF),
          "AttentionView.highlightBackground", new Color(0xD5E5F7),
          "AttentionView.gridColor", new Color(0xD0D7DE),
          "Panel.background", new Color(0xFFFFFF),
          "Label.foreground", new Color(0x1F2328))),
  /** A dark theme like FlatLaf Darcula's. */
  DARK(
      Map.ofEntries(
          Map.entry("AttentionView.background", new Color(0x1E1F22)),
          Map.entry("AttentionView.foreground", new Color(0xDFE1E5)),
          Map.entry("AttentionView.mutedForeground", new Color(0x8C9096)),
          Map.entry("AttentionView.selectionColor", new Color(0x4D8FE0)),
          Map.entry("AttentionView.highlightBackground", new Color(0x2E436E)),
          Map.entry("AttentionView.gridColor", new Color(0x43454A)),
          Map.entry("Panel.background", new Color(0x1E1F22)),
          Map.entry("Label.foreground", new Color(0xDFE1E5)),
          // The plain Swing parts: the display option check boxes, the statistics table. The light
          // theme keeps the look and feel's own, which are light already.
          Map.entry("CheckBox.foreground", new Color(0xDFE1E5)),
          Map.entry("Table.background", new Color(0x1E1F22)),
          Map.entry("Table.foreground", new Color(0xDFE1E5)),
          Map.entry("Table.gridColor", new Color(0x43454A)),
          Map.entry("Table.selectionBackground", new Color(0x2E436E)),
          Map.entry("Table.selectionForeground", new Color(0xFFFFFF)),
          Map.entry("TableHeader.background", new Color(0x2B2D30)),
          Map.entry("TableHeader.foreground", new Color(0xDFE1E5)),
          Map.entry("Viewport.background", new Color(0x1E1F22))));

  /** The font the themes set, so that tests do not depend on the look and feel's. */
  public static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private final Map<String, Color> colors;

  Theme(Map<String, Color> colors) {
    this.colors = colors;
  }

  /** Puts this theme's keys into the UIManager. */
  public void apply() {
    colors.forEach(UIManager::put);
    UIManager.put("AttentionView.font", FONT);
  }

  /** The view background of this theme. */
  public Color background() {
    return colors.get("AttentionView.background");
  }

  /** Removes every key a theme sets, back to the look and feel's own colours and font. */
  public static void reset() {
    Set<String> keys = new HashSet<>();
    for (Theme theme : values()) {
      keys.addAll(theme.colors.keySet());
    }
    keys.forEach(key -> UIManager.put(key, null));
    UIManager.put("AttentionView.font", null);
  }
}
