package dev.attnviz.demo.app;

import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the main window on a screen and no larger than it. A window of 30,000 pixels a side has a
 * back buffer of gigabytes: it ran the Event Dispatch Thread out of memory, and once saved, every
 * later start did the same.
 */
final class WindowBounds {

  private WindowBounds() {}

  /** The bounds of every screen, in the virtual coordinate space; empty when headless. */
  static List<Rectangle> screens() {
    List<Rectangle> screens = new ArrayList<>();
    if (GraphicsEnvironment.isHeadless()) {
      return screens;
    }
    for (GraphicsDevice device :
        GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
      GraphicsConfiguration configuration = device.getDefaultConfiguration();
      screens.add(configuration.getBounds());
    }
    return screens;
  }

  /**
   * {@code bounds} moved and shrunk to fit the screen it overlaps most (the first screen if none),
   * or unchanged without screens.
   */
  static Rectangle clamp(Rectangle bounds, List<Rectangle> screens) {
    if (screens.isEmpty()) {
      return new Rectangle(bounds);
    }
    Rectangle screen = screens.get(0);
    long best = -1;
    for (Rectangle candidate : screens) {
      Rectangle overlap = candidate.intersection(bounds);
      long area = overlap.isEmpty() ? 0 : (long) overlap.width * overlap.height;
      if (area > best) {
        best = area;
        screen = candidate;
      }
    }
    int width = Math.max(1, Math.min(bounds.width, screen.width));
    int height = Math.max(1, Math.min(bounds.height, screen.height));
    int x = Math.max(screen.x, Math.min(bounds.x, screen.x + screen.width - width));
    int y = Math.max(screen.y, Math.min(bounds.y, screen.y + screen.height - height));
    return new Rectangle(x, y, width, height);
  }
}
