package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.util.HashMap;
import java.util.Map;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Colours come from the view's own keys, then the standard Swing keys, then the defaults. */
class ViewColorsTest {

  private final Map<String, Object> saved = new HashMap<>();

  private void put(String key, Object value) {
    // containsKey, not putIfAbsent: a saved null (key unset) must survive a second put.
    if (!saved.containsKey(key)) {
      saved.put(key, UIManager.get(key));
    }
    UIManager.put(key, value);
  }

  @AfterEach
  void restore() {
    saved.forEach(UIManager::put);
  }

  @Test
  void ownKeysWinOverStandardKeys() {
    put("AttentionView.background", new Color(0x101010));
    put("Panel.background", new Color(0xfafafa));
    put("AttentionView.heatColor", new Color(0x123456));
    put("AttentionView.font", new Font(Font.MONOSPACED, Font.BOLD, 15));
    ViewColors colors = ViewColors.fromUIManager();
    assertEquals(new Color(0x101010), colors.background());
    assertTrue(colors.dark());
    assertEquals(new Color(0x123456), colors.heat());
    assertEquals(15, colors.font().getSize());
  }

  @Test
  void standardKeysAreTheFallbackAndThemeDefaultsFollowDarkness() {
    put("AttentionView.background", null);
    put("Panel.background", new Color(0x2b2b2b));
    put("AttentionView.heatColor", null);
    ViewColors dark = ViewColors.fromUIManager();
    assertEquals(new Color(0x2b2b2b), dark.background());
    assertTrue(dark.dark());
    assertEquals(new Color(0x7fb2ff), dark.heat(), "dark default heat colour");
    put("Panel.background", new Color(0xfafafa));
    ViewColors light = ViewColors.fromUIManager();
    assertEquals(new Color(0xfafafa), light.background());
    assertFalse(light.dark());
    assertEquals(new Color(0x1f5fbf), light.heat(), "light default heat colour");
  }

  @Test
  void headColoursFollowTheBackground() {
    put("AttentionView.background", Color.BLACK);
    ViewColors dark = ViewColors.fromUIManager();
    assertEquals(HeadPalette.color(14, 16, true), dark.headColor(14, 16));
    put("AttentionView.background", Color.WHITE);
    ViewColors light = ViewColors.fromUIManager();
    assertEquals(HeadPalette.color(14, 16, false), light.headColor(14, 16));
  }
}
