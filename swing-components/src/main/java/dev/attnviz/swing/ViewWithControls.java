package dev.attnviz.swing;

import dev.attnviz.swing.render.HeadPalette;
import dev.attnviz.swing.render.TooltipPlacement;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.MouseEvent;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.plaf.ColorUIResource;
import javax.swing.plaf.FontUIResource;
import javax.swing.plaf.UIResource;

/**
 * Base of the attention views: a painted, scrollable content area with a bar of controls above it.
 * Shared by every view of this library; a new view extends it and implements {@link #contentSize()}
 * and {@link #paintContent}.
 *
 * <p>The controls are part of the component. Placed directly in a layout, the view shows them at
 * its top. Placed in a {@link JScrollPane} (as its viewport view), the view moves them into the
 * scroll pane's column header, as {@code JTable} does with its header, so they stay in sight while
 * long token columns scroll. {@link #setControlsVisible(boolean) setControlsVisible(false)} hides
 * them for hosts that bring their own.
 *
 * <p>Colours come from {@link ViewColors#fromUIManager()} and are re-read in {@link #updateUI()}.
 * As with Swing's own components, {@link #setBackground}, {@link #setForeground} and {@link
 * #setFont} with a value that is not a {@link UIResource} override the look and feel for this view
 * and survive a theme switch; {@link #setHeadPalette} sets the head colours. Painting never throws:
 * a failure is logged through {@link System.Logger} and drawn as an error message. Use on the Event
 * Dispatch Thread.
 *
 * @serial exclude
 */
public abstract class ViewWithControls extends JComponent implements Scrollable {

  private static final System.Logger LOG = System.getLogger(ViewWithControls.class.getName());

  /** Largest preferred viewport a view asks for, so that long inputs open at a sane size. */
  private static final Dimension MAX_VIEWPORT = new Dimension(1000, 700);

  private final JPanel controls = new JPanel();
  private final ControlsPlacement placement = new ControlsPlacement(this, controls);

  /** The look and feel's colours; {@link #colors} adds this view's own settings. */
  private ViewColors uiColors;

  private ViewColors colors;
  private HeadPalette headPalette;

  /** Creates the view with an empty controls bar. */
  protected ViewWithControls() {
    setLayout(null);
    setOpaque(true);
    setFocusable(true);
    controls.setLayout(new BoxLayout(controls, BoxLayout.Y_AXIS));
    controls.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
    add(controls);
    ToolTipManager.sharedInstance().registerComponent(this);
    uiColors = ViewColors.fromUIManager();
    // No themeChanged() yet: subclass fields it may touch do not exist during construction.
    applyUIStyle(false);
    addFocusListener(
        new FocusAdapter() {
          @Override
          public void focusGained(FocusEvent e) {
            focusChanged();
          }

          @Override
          public void focusLost(FocusEvent e) {
            focusChanged();
          }
        });
  }

  /**
   * Called when the view gains or loses the keyboard focus, whose ring it draws; repaints the view
   * unless a subclass repaints less.
   */
  protected void focusChanged() {
    repaint();
  }

  /**
   * The bar of controls, to add rows of controls to.
   *
   * @return the panel holding the control rows
   */
  protected final JPanel controlsBar() {
    return controls;
  }

  /**
   * The current theme colours.
   *
   * @return the colours and font the view paints with, its own where set
   */
  public final ViewColors colors() {
    return colors;
  }

  /**
   * Whether the view shows its own controls (bound property {@code "controlsVisible"}).
   *
   * @return true if the controls are shown
   */
  public boolean isControlsVisible() {
    return placement.isVisible();
  }

  /**
   * Shows or hides the view's own controls, e.g. when the host application provides its own.
   *
   * @param visible true to show the controls
   */
  public void setControlsVisible(boolean visible) {
    boolean old = placement.isVisible();
    if (old != visible) {
      placement.setVisible(visible);
      firePropertyChange("controlsVisible", old, visible);
    }
  }

  /**
   * Re-reads colours and font from the look and feel, keeping a background, foreground and font set
   * on this view, then {@link #themeChanged()}.
   */
  @Override
  public void updateUI() {
    super.updateUI();
    uiColors = ViewColors.fromUIManager();
    if (controls != null) {
      SwingUtilities.updateComponentTreeUI(controls);
    }
    applyUIStyle(true);
  }

  /** Takes the look and feel's colours and font where the host set none of its own. */
  private void applyUIStyle(boolean notify) {
    if (!isBackgroundSet() || getBackground() instanceof UIResource) {
      super.setBackground(new ColorUIResource(uiColors.background()));
    }
    if (!isForegroundSet() || getForeground() instanceof UIResource) {
      super.setForeground(new ColorUIResource(uiColors.foreground()));
    }
    if (!isFontSet() || getFont() instanceof UIResource) {
      super.setFont(new FontUIResource(uiColors.font()));
    }
    restyle(notify);
  }

  /**
   * Sets this view's background; a colour that is not a {@link UIResource} stays across theme
   * switches. Repaints the view.
   */
  @Override
  public void setBackground(Color background) {
    super.setBackground(background);
    restyle(true);
  }

  /**
   * Sets the colour of this view's token text and labels; a colour that is not a {@link UIResource}
   * stays across theme switches. Repaints the view.
   */
  @Override
  public void setForeground(Color foreground) {
    super.setForeground(foreground);
    restyle(true);
  }

  /**
   * Sets the font of this view's tokens and labels; a font that is not a {@link UIResource} stays
   * across theme switches. Lays the view out again.
   */
  @Override
  public void setFont(Font font) {
    super.setFont(font);
    restyle(true);
  }

  /**
   * The head colours this view paints with; the {@linkplain HeadPalette#standard() standard
   * palette} unless one was set. Bound property {@code "headPalette"}.
   *
   * @return the palette; never null
   */
  public HeadPalette getHeadPalette() {
    return headPalette == null ? HeadPalette.standard() : headPalette;
  }

  /**
   * Paints the heads in {@code palette}'s colours; null restores the standard palette. Bound
   * property {@code "headPalette"}.
   *
   * @param palette the head colours, or null for the standard palette
   */
  public void setHeadPalette(HeadPalette palette) {
    HeadPalette old = getHeadPalette();
    headPalette = palette;
    restyle(true);
    firePropertyChange("headPalette", old, getHeadPalette());
  }

  /** Combines the look and feel's colours with this view's own, and drops what depends on them. */
  private void restyle(boolean notify) {
    // Swing's constructors and setUI may call the setters before this class's fields exist.
    if (uiColors == null || controls == null) {
      return;
    }
    // Copies, so that a look and feel's ColorUIResource never leaks into painting state.
    Color background =
        isBackgroundSet() ? new Color(getBackground().getRGB(), true) : uiColors.background();
    Color foreground =
        isForegroundSet() ? new Color(getForeground().getRGB(), true) : uiColors.foreground();
    Font font = isFontSet() ? getFont() : uiColors.font();
    colors = uiColors.restyled(background, foreground, font, getHeadPalette());
    // The controls are the look and feel's components, whose text keeps the theme's colour: they
    // keep the theme's background too, so that they stay readable on a view's own background.
    controls.setBackground(uiColors.background());
    paletteToSquares(controls);
    if (notify) {
      themeChanged();
    }
  }

  /**
   * Runs {@code painting} with {@code substitute} colours in place of this view's, e.g. to export a
   * dark view on white paper, then restores them. Caches that depend on colours are dropped before
   * and after ({@link #themeChanged()}).
   *
   * @param substitute the colours to paint with
   * @param painting the painting to run, on the Event Dispatch Thread
   */
  protected final void paintWith(ViewColors substitute, Runnable painting) {
    ViewColors own = colors;
    colors = java.util.Objects.requireNonNull(substitute, "substitute");
    themeChanged();
    try {
      painting.run();
    } finally {
      colors = own;
      themeChanged();
    }
  }

  /** Called after the colours changed: drop caches that depend on them. */
  protected void themeChanged() {
    revalidate();
    repaint();
  }

  /** Gives the view's head palette to the head squares among its controls. */
  private void paletteToSquares(Container container) {
    for (java.awt.Component child : container.getComponents()) {
      if (child instanceof HeadSquares squares) {
        squares.setHeadPalette(getHeadPalette());
      } else if (child instanceof Container inner) {
        paletteToSquares(inner);
      }
    }
  }

  /**
   * Height of the controls bar when it is shown inside the view, else 0.
   *
   * @return the height, in pixels
   */
  protected final int contentTop() {
    return placement.top();
  }

  /**
   * Size of the painted content, without the controls.
   *
   * @return a new dimension, in pixels
   */
  protected abstract Dimension contentSize();

  /**
   * Paints the content; {@code g} is a copy, translated so that (0, 0) is the content's top-left,
   * its clip the area to repaint. The background is already filled.
   *
   * @param g the graphics to paint into
   */
  protected abstract void paintContent(Graphics2D g);

  /**
   * A mouse event's point in content coordinates.
   *
   * @param e a mouse event on this view
   * @return a new point, in content coordinates
   */
  protected final Point contentPoint(MouseEvent e) {
    return new Point(e.getX(), e.getY() - contentTop());
  }

  /**
   * The width a view that fits its viewport lays its content out for: the width of the viewport
   * this view is the view of, as it is when the scroll pane's vertical scroll bar shows; {@link
   * Integer#MAX_VALUE} outside a viewport or before it is laid out.
   *
   * @return the width, in pixels
   */
  protected final int fittingViewportWidth() {
    return ViewportFit.width(this);
  }

  /**
   * Scrolls so that {@code area}, given in content coordinates, is visible; nothing if null.
   *
   * @param area an area in content coordinates, or null
   */
  protected final void scrollContentToVisible(Rectangle area) {
    if (area != null) {
      scrollRectToVisible(new Rectangle(area.x, area.y + contentTop(), area.width, area.height));
    }
  }

  /**
   * Binds {@code action}, named {@code name} in the action map, to {@code keys} (key codes with
   * {@code modifiers}, e.g. {@code InputEvent.SHIFT_DOWN_MASK} or 0) while the view has the focus.
   *
   * @param name the action's name, unique in the view
   * @param action what the keys do
   * @param modifiers the modifier mask, or 0
   * @param keys the key codes ({@code KeyEvent.VK_*})
   */
  protected final void bindKey(String name, Runnable action, int modifiers, int... keys) {
    InputMap input = getInputMap(WHEN_FOCUSED);
    for (int key : keys) {
      input.put(KeyStroke.getKeyStroke(key, modifiers), name);
    }
    getActionMap()
        .put(
            name,
            new AbstractAction(name) {
              @Override
              public void actionPerformed(ActionEvent e) {
                action.run();
              }
            });
  }

  /**
   * Repaints {@code area}, given in content coordinates; nothing if null.
   *
   * @param area an area in content coordinates, or null
   */
  protected final void repaintContent(Rectangle area) {
    if (area != null) {
      repaint(area.x, area.y + contentTop(), area.width, area.height);
    }
  }

  @Override
  public void doLayout() {
    placement.layOut();
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    Dimension content = contentSize();
    // At least as wide as the controls, also when they sit in the scroll pane's header: the header
    // scrolls sideways with the view, so a view narrower than its controls would leave their end
    // out of reach in a narrow window.
    int width = Math.max(content.width, placement.width());
    return new Dimension(width, content.height + contentTop());
  }

  @Override
  protected final void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setColor(colors.background());
      Rectangle clip = g2.getClipBounds();
      g2.fill(clip != null ? clip : new Rectangle(0, 0, getWidth(), getHeight()));
      g2.translate(0, contentTop());
      paintContent(g2);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot paint " + getClass().getSimpleName(), e);
      ViewErrorPainter.paint(g, colors, new Rectangle(0, contentTop(), getWidth(), getHeight()), e);
    } finally {
      g2.dispose();
    }
  }

  @Override
  public void addNotify() {
    super.addNotify();
    placement.place();
  }

  @Override
  public void removeNotify() {
    placement.takeBack();
    super.removeNotify();
  }

  @Override
  public Point getToolTipLocation(MouseEvent event) {
    return TooltipPlacement.insideWindow(this, event);
  }

  /**
   * Distance one arrow click scrolls; defaults to a token row.
   *
   * @return the scroll distance, in pixels
   */
  protected int scrollUnit() {
    return colors.text().height() + 4;
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
    return scrollUnit();
  }

  @Override
  public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
    int extent = orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    return Math.max(scrollUnit(), extent - scrollUnit());
  }

  /**
   * In a viewport, whether the view takes the viewport's width: when the viewport is wider than the
   * view wants, or, for a view that {@linkplain #fitsViewportWidth() fits its viewport}, whenever
   * the picture fits it.
   */
  @Override
  public boolean getScrollableTracksViewportWidth() {
    return ViewportFit.tracksWidth(this, getPreferredSize().width, fitsViewportWidth());
  }

  /**
   * Whether the view narrows its content to fit its viewport's width ({@link
   * #fittingViewportWidth()}), and so takes that width also when its picture fits exactly; false by
   * default.
   *
   * @return true if the view fits its viewport's width
   */
  protected boolean fitsViewportWidth() {
    return false;
  }

  @Override
  public boolean getScrollableTracksViewportHeight() {
    return ViewportFit.tracksHeight(this, () -> getPreferredSize().height);
  }
}
