package dev.attnviz.demo.app;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** Switches between FlatLaf's light and dark look, for the app and for rendered figures. */
public final class Themes {

  private Themes() {}

  /**
   * Installs FlatLaf's light or dark look; call before creating components.
   *
   * @param dark true for FlatLaf Dark, false for FlatLaf Light
   */
  public static void install(boolean dark) {
    if (dark) {
      FlatDarkLaf.setup();
    } else {
      FlatLightLaf.setup();
    }
  }

  /**
   * Switches the theme of every open window; the views re-read their colours in {@code updateUI()}.
   * Call on the EDT.
   */
  static void switchTo(boolean dark) {
    install(dark);
    FlatLaf.updateUI();
  }
}
