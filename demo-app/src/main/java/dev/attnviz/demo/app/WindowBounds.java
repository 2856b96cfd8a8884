package dev.attnviz.demo.app;

import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;

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
   * Gives {@code window} its saved bounds ({@code saved}, null: a default size placed by the
   * platform) and state, kept on a screen, and from now on brings it back whenever it grows larger
   * than the screens.
   */
  static void restore(JFrame window, Rectangle saved, boolean maximized) {
    window.setMinimumSize(new Dimension(720, 480));
    if (saved != null) {
      window.setBounds(clamp(saved, screens()));
    } else {
      window.setSize(clamp(new Rectangle(0, 0, 1280, 860), screens()).getSize());
      window.setLocationByPlatform(true);
    }
    if (maximized) {
      window.setExtendedState(window.getExtendedState() | Frame.MAXIMIZED_BOTH);
    }
    // A window made larger than the screens (by a program or a window manager) is brought back at
    // once, before its back buffer is allocated on the next paint.
    window.addComponentListener(
        new ComponentAdapter() {
          @Override
          public void componentResized(ComponentEvent e) {
            Rectangle clamped = clamp(window.getBounds(), screens());
            if (!clamped.getSize().equals(window.getSize())) {
              window.setBounds(clamped);
            }
          }
        });
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
