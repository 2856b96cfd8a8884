package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.GradientBar;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;

/**
 * The model view's thumbnail controls: a "Thumbnails" choice of Auto, Lines and Heatmap, where Auto
 * names what it picked ("Auto (heatmap)"), so the switch to heatmaps for long inputs is never
 * silent; and, while heatmaps are drawn, their colour legend (weight 0 to 1 at the contrast the
 * thumbnails use, each layer in its own colour).
 */
final class ThumbnailControls {

  private final JComboBox<ThumbnailMode> mode = new JComboBox<>(ThumbnailMode.values());
  private final Legend legend = new Legend();
  private final JPanel row;
  private final Supplier<ThumbnailPainter.Style> style;
  private boolean updating;
  private String shownAutoLabel = "";

  /**
   * Controls that show {@code style} (the style drawn now, null without data) and set a mode
   * through {@code setMode}.
   */
  ThumbnailControls(Supplier<ThumbnailPainter.Style> style, Consumer<ThumbnailMode> setMode) {
    this.style = style;
    mode.setName("thumbnailMode");
    mode.setToolTipText(Messages.text("thumbnails.tooltip"));
    mode.setRenderer(new ModeRenderer());
    mode.addActionListener(
        e -> {
          if (!updating && mode.getSelectedItem() instanceof ThumbnailMode chosen) {
            setMode.accept(chosen);
          }
        });
    JLabel title = new JLabel(Messages.text("thumbnails.label"));
    title.setLabelFor(mode);
    row = ControlRow.of(title, mode, legend);
  }

  /** The row to add to the controls bar. */
  JComponent component() {
    return row;
  }

  /** The mode choice, for tests. */
  JComboBox<ThumbnailMode> modeBox() {
    return mode;
  }

  /** What the choice says for {@code value}: Auto names the style it picked. */
  String label(ThumbnailMode value) {
    if (value == null) {
      return "";
    }
    return switch (value) {
      case LINES -> Messages.text("thumbnails.lines");
      case HEATMAP -> Messages.text("thumbnails.heatmap");
      case AUTO -> {
        ThumbnailPainter.Style now = style.get();
        yield now == null
            ? Messages.text("thumbnails.auto")
            : Messages.text(
                now == ThumbnailPainter.Style.HEATMAP
                    ? "thumbnails.autoHeatmap"
                    : "thumbnails.autoLines");
      }
    };
  }

  /** Shows {@code current} and the legend of what is drawn now in {@code colors}. */
  void update(ThumbnailMode current, ViewColors colors) {
    updating = true;
    try {
      mode.setSelectedItem(current);
      String autoLabel = label(ThumbnailMode.AUTO);
      if (!autoLabel.equals(shownAutoLabel)) {
        shownAutoLabel = autoLabel;
        // The combo box caches its width from the labels it measured; a new renderer makes it
        // measure again, so "Auto (heatmap)" is not cut to "Auto (he...".
        mode.setRenderer(new ModeRenderer());
      }
      mode.repaint();
    } finally {
      updating = false;
    }
    legend.colors = colors;
    legend.setVisible(style.get() == ThumbnailPainter.Style.HEATMAP);
    legend.repaint();
  }

  /** Whether the heatmap legend shows, for tests. */
  boolean legendShown() {
    return legend.isVisible();
  }

  /** "weight 0 [bar] 1": the heatmap thumbnails' scale, in the theme's foreground colour. */
  private static final class Legend extends JComponent {
    private static final int BAR = 90;
    private final String low = Messages.text("thumbnails.legendLow");
    private final String high = Messages.text("thumbnails.legendHigh");
    private ViewColors colors = ViewColors.fromUIManager();

    Legend() {
      setToolTipText(
          Messages.format(
              "thumbnails.legendTooltip", String.valueOf(ThumbnailPainter.HEATMAP_GAMMA)));
    }

    @Override
    public Dimension getPreferredSize() {
      var metrics = getFontMetrics(colors.font());
      return new Dimension(
          metrics.stringWidth(low) + metrics.stringWidth(high) + BAR + 12, metrics.getHeight() + 4);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = (Graphics2D) graphics.create();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(colors.font());
        var metrics = g.getFontMetrics();
        int baseline = (getHeight() + metrics.getAscent() - metrics.getDescent()) / 2;
        g.setColor(colors.foreground());
        g.drawString(low, 0, baseline);
        int barX = metrics.stringWidth(low) + 6;
        HeatColorScale scale =
            ThumbnailPainter.heatmapScale(colors.background(), colors.foreground());
        int barY = (getHeight() - 10) / 2;
        GradientBar.paint(
            g, new Rectangle(barX, barY, BAR, 10), t -> scale.rgb((float) t), colors.grid());
        g.setColor(colors.foreground());
        g.drawString(high, barX + BAR + 6, baseline);
      } finally {
        g.dispose();
      }
    }

    @Override
    public Color getBackground() {
      return colors.background();
    }
  }

  /** Shows each mode by its label, Auto with the style it picked. */
  private final class ModeRenderer extends DefaultListCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public java.awt.Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focus) {
      return super.getListCellRendererComponent(
          list, label((ThumbnailMode) value), index, selected, focus);
    }
  }
}
