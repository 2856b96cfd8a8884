package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.SelectionListener;
import dev.attnviz.swing.render.HeadPalette;
import dev.attnviz.swing.render.HeadStripLayout;
import dev.attnviz.swing.render.HeadStripPainter;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javax.swing.JComponent;
import javax.swing.ToolTipManager;

/**
 * The row of coloured head squares of the head view: one square per head, active heads in full
 * colour, inactive ones washed out. A click toggles a head (the last active one stays on); a
 * double-click shows that head alone, or all heads again if it already was alone. Writes the
 * selection model and repaints itself when it changes ({@link #setSelection} binds it).
 */
public final class HeadSquares extends JComponent {

  private static final int PADDING = 3;

  private final IntSupplier headCount;
  private final BooleanSupplier showFocus;
  private AttentionSelectionModel selection;
  private final SelectionListener repainter = e -> repaint();
  private ViewColors colors = ViewColors.fromUIManager();
  private HeadPalette palette = HeadPalette.standard();

  /**
   * Creates the squares.
   *
   * @param headCount how many heads the current data has (0 without data)
   * @param showFocus whether to ring the focused head (when the owning view has focus)
   */
  public HeadSquares(IntSupplier headCount, BooleanSupplier showFocus) {
    this.headCount = headCount;
    this.showFocus = showFocus;
    setOpaque(false);
    setName("headSquares");
    ToolTipManager.sharedInstance().registerComponent(this);
    addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            int head = stripLayout().headAt(e.getX(), e.getY());
            int count = headCount.getAsInt();
            if (head < 0 || selection == null || e.getButton() != MouseEvent.BUTTON1) {
              return;
            }
            if (e.getClickCount() >= 2) {
              selection.isolateHead(head, count);
            } else {
              selection.toggleHead(head, count);
            }
            selection.setFocusHead(head);
          }
        });
  }

  /**
   * Binds to the selection model to show and write (null unbinds): listens to it from now on, no
   * longer to the old one.
   */
  public void setSelection(AttentionSelectionModel newSelection) {
    if (newSelection == selection) {
      return;
    }
    if (selection != null) {
      selection.removeSelectionListener(repainter);
    }
    selection = newSelection;
    if (selection != null) {
      selection.addSelectionListener(repainter);
    }
    repaint();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    colors = restyled(ViewColors.fromUIManager());
  }

  /** Paints the squares in {@code newPalette}'s colours, as the owning view's head palette. */
  public void setHeadPalette(HeadPalette newPalette) {
    palette = Objects.requireNonNull(newPalette, "newPalette");
    colors = restyled(colors);
    repaint();
  }

  private ViewColors restyled(ViewColors base) {
    // palette is null while JComponent's constructor calls updateUI.
    HeadPalette heads = palette == null ? HeadPalette.standard() : palette;
    return base.restyled(base.background(), base.foreground(), base.font(), heads);
  }

  /** The geometry of the squares in this component. */
  public HeadStripLayout stripLayout() {
    int width = getWidth() > 0 ? getWidth() : Integer.MAX_VALUE / 2;
    return new HeadStripLayout(
        PADDING,
        PADDING,
        headCount.getAsInt(),
        HeadStripLayout.DEFAULT_SQUARE,
        HeadStripLayout.DEFAULT_GAP,
        width - PADDING);
  }

  @Override
  public Dimension getPreferredSize() {
    HeadStripLayout layout =
        new HeadStripLayout(
            PADDING,
            PADDING,
            headCount.getAsInt(),
            HeadStripLayout.DEFAULT_SQUARE,
            HeadStripLayout.DEFAULT_GAP,
            Integer.MAX_VALUE / 2);
    return new Dimension(
        layout.bounds().width + 2 * PADDING, HeadStripLayout.DEFAULT_SQUARE + 2 * PADDING);
  }

  @Override
  public Dimension getMaximumSize() {
    return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    int head = stripLayout().headAt(e.getX(), e.getY());
    if (head < 0) {
      return null;
    }
    return Messages.format("headSquares.tooltip", head);
  }

  @Override
  protected void paintComponent(Graphics g) {
    if (selection == null) {
      return;
    }
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      int count = headCount.getAsInt();
      BitSet active = selection.activeHeads(count);
      new HeadStripPainter(colors)
          .paint(g2, stripLayout(), active, selection.focusHead(), showFocus.getAsBoolean());
    } finally {
      g2.dispose();
    }
  }
}
