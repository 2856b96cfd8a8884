package dev.attnviz.swing.neuron;

import dev.attnviz.swing.neuron.NeuronLayout.Hit;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Objects;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;

/**
 * The drawing surface of a {@link NeuronView}: paints the current {@link NeuronScene}, scrolls by
 * token rows, shows tooltips and reports mouse input to the view. Holds no state of its own beyond
 * the scene.
 */
final class NeuronCanvas extends JComponent implements Scrollable {

  private static final System.Logger LOG = System.getLogger(NeuronCanvas.class.getName());

  /** The largest viewport a host gets by default; more scrolls. */
  private static final Dimension MAX_VIEWPORT = new Dimension(1100, 640);

  /** What the canvas reports to its view. */
  interface Input {
    /** The mouse moved to {@code point}, over {@code hit} (null: over nothing). */
    void hover(Point point, Hit hit);

    /** The mouse was clicked over {@code hit} (null: over nothing). */
    void click(Hit hit);

    /** The mouse left the canvas. */
    void exit();
  }

  private NeuronScene scene;

  NeuronCanvas(Input input) {
    Objects.requireNonNull(input, "input");
    setOpaque(true);
    setFocusable(true);
    ToolTipManager.sharedInstance().registerComponent(this);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            input.hover(e.getPoint(), hitAt(e.getPoint()));
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            mouseMoved(e);
          }

          @Override
          public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            if (e.getButton() == MouseEvent.BUTTON1) {
              input.click(hitAt(e.getPoint()));
            }
          }

          @Override
          public void mouseExited(MouseEvent e) {
            input.exit();
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  /** Shows {@code newScene}; revalidates if its size differs from the old one. */
  void setScene(NeuronScene newScene) {
    Dimension oldSize = scene == null ? null : scene.layout().size();
    scene = Objects.requireNonNull(newScene, "newScene");
    if (!newScene.layout().size().equals(oldSize)) {
      revalidate();
    }
    repaint();
  }

  /** The scene shown, or null before the first. */
  NeuronScene scene() {
    return scene;
  }

  /** What lies at {@code point}, or null. */
  Hit hitAt(Point point) {
    return scene == null ? null : scene.layout().hitTest(point.x, point.y);
  }

  @Override
  public String getToolTipText(MouseEvent event) {
    return scene == null ? null : NeuronTooltips.text(scene, hitAt(event.getPoint()));
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet() || scene == null) {
      return super.getPreferredSize();
    }
    return scene.layout().size();
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      if (scene != null) {
        NeuronPainter.paint(g, scene, g.getClipBounds());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot paint the neuron view", e);
      paintError(graphics, e);
    } finally {
      g.dispose();
    }
  }

  /** The error state: the reason in plain text, drawn with nothing that depends on the scene. */
  private void paintError(Graphics graphics, RuntimeException error) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setColor(scene.colors().background());
      g.fillRect(0, 0, getWidth(), getHeight());
      g.setColor(scene.colors().negative());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.drawString(
          "Cannot draw this view: " + error.getMessage(),
          NeuronLayout.PAD,
          NeuronLayout.PAD + g.getFontMetrics().getAscent());
    } catch (RuntimeException again) {
      LOG.log(System.Logger.Level.ERROR, "cannot paint the error state either", again);
    } finally {
      g.dispose();
    }
  }

  @Override
  public Dimension getPreferredScrollableViewportSize() {
    Dimension preferred = getPreferredSize();
    return new Dimension(
        Math.min(preferred.width, MAX_VIEWPORT.width),
        Math.min(preferred.height, MAX_VIEWPORT.height));
  }

  @Override
  public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
    if (orientation == SwingConstants.VERTICAL && scene != null) {
      return scene.layout().rowHeight();
    }
    return 16;
  }

  @Override
  public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
    int unit = getScrollableUnitIncrement(visible, orientation, direction);
    int extent = orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    // Keep one unit of context from the previous page.
    return Math.max(unit, extent - unit);
  }

  @Override
  public boolean getScrollableTracksViewportWidth() {
    return getParent() instanceof JViewport viewport
        && viewport.getWidth() > getPreferredSize().width;
  }

  @Override
  public boolean getScrollableTracksViewportHeight() {
    return getParent() instanceof JViewport viewport
        && viewport.getHeight() > getPreferredSize().height;
  }
}
