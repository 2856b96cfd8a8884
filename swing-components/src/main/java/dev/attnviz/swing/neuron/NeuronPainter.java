package dev.attnviz.swing.neuron;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.HiDpi;
import dev.attnviz.swing.render.NumberText;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.List;
import java.util.Locale;

/**
 * Paints a {@link NeuronScene}: on screen, into images and into SVG alike. Vector cells are filled
 * without antialiasing (they sit on whole pixels and must stay crisp); lines and text are
 * antialiased. Only rows that meet the clip are painted, so long inputs stay fast.
 *
 * <p>One painter per paint call; it changes the state of the {@code Graphics2D} it is given, so
 * callers pass a {@code create()}d copy.
 */
final class NeuronPainter {

  private static final BasicStroke CONNECTOR = new BasicStroke(1.5f);
  private static final int THIN = 1;
  private static final int THICK = 2;

  private enum Align {
    LEFT,
    RIGHT
  }

  private final Graphics2D g;
  private final NeuronScene scene;
  private final NeuronLayout layout;
  private final NeuronSlice slice;
  private final ViewColors colors;
  private final ViewText text;

  private NeuronPainter(Graphics2D g, NeuronScene scene) {
    this.g = g;
    this.scene = scene;
    this.layout = scene.layout();
    this.slice = scene.slice();
    this.colors = scene.colors();
    this.text = colors.text();
  }

  /**
   * Paints the part of {@code scene} inside {@code clip} (null: all of it) into {@code g};
   * collapsed mode's token columns through {@code columns}, the shared display (null when
   * expanded).
   */
  static void paint(Graphics2D g, NeuronScene scene, TokenColumnsDisplay columns, Rectangle clip) {
    Rectangle area = clip != null ? clip : new Rectangle(scene.layout().size());
    if (area.isEmpty()) {
      return;
    }
    new NeuronPainter(g, scene).paintAll(area, columns);
  }

  /**
   * Rings the whole of {@code scene}'s picture, inside its padding, in {@code color}: the view has
   * the keyboard focus.
   */
  static void paintFocus(Graphics2D g, NeuronScene scene, Color color) {
    Dimension size = scene.layout().size();
    int inset = NeuronLayout.PAD / 2;
    FocusRing.paint(
        g, color, new Rectangle(inset, inset, size.width - 2 * inset, size.height - 2 * inset));
  }

  private void paintAll(Rectangle clip, TokenColumnsDisplay columns) {
    g.setColor(colors.background());
    g.fill(clip);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    cellMode();
    if (scene.message() != null) {
      text(scene.message(), layout.statusBounds(), colors.foreground(), Align.LEFT);
    }
    if (slice == null) {
      return;
    }
    int first = layout.firstRow(clip);
    int end = layout.endRow(clip);
    if (scene.expanded()) {
      paintExpanded(first, end, clip);
    } else if (columns != null) {
      // Collapsed mode is the head view for one head: the same display, painter and culling.
      columns.paint(g, clip, scene.linesScene(), null, null);
      cellMode();
    }
  }

  private void cellMode() {
    HiDpi.crispCells(g);
  }

  private void lineMode() {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
  }

  // ---------------------------------------------------------------- expanded

  private void paintExpanded(int first, int end, Rectangle clip) {
    for (Column column : List.of(Column.QUERY, Column.KEY, Column.PRODUCT, Column.SCORE)) {
      text(titleOf(column), layout.titleBounds(column), colors.mutedForeground(), Align.LEFT);
    }
    text(
        NeuronText.softmaxTitle(),
        layout.titleBounds(Column.KEY_TOKENS),
        colors.mutedForeground(),
        Align.LEFT);
    int row = scene.selectedRow();
    paintTokens(Column.QUERY_TOKENS, slice.queryLabels(), first, end, row, Align.RIGHT);
    for (int r = first; r < Math.min(end, slice.rowCount()); r++) {
      paintVector(Column.QUERY, r, slice.queryVector(r));
    }
    for (int c = first; c < Math.min(end, slice.columnCount()); c++) {
      paintVector(Column.KEY, c, slice.keyVector(c));
    }
    if (row >= 0) {
      paintConnectors(row, clip);
      paintProducts(row, first, end);
      paintScores(row, first, end);
      paintSoftmaxWeights(row, first, end);
    }
    paintTokens(Column.KEY_TOKENS, slice.keyLabels(), first, end, -1, Align.LEFT);
    if (row >= 0) {
      paintSelectionOutlines(row);
      if (scene.pairColumn() >= 0) {
        text(
            pairSummary(row, scene.pairColumn()),
            layout.statusBounds(),
            colors.foreground(),
            Align.LEFT);
      }
    } else {
      text(NeuronText.placeholder(), layout.statusBounds(), colors.mutedForeground(), Align.LEFT);
    }
    if (layout.listRows() > 0) {
      text(
          NeuronText.contributionsTitle(),
          layout.titleBounds(Column.CONTRIBUTIONS),
          colors.mutedForeground(),
          Align.LEFT);
      if (!scene.contributions().isEmpty()) {
        paintContributions(row);
      }
    }
  }

  private static String titleOf(Column column) {
    return switch (column) {
      case QUERY -> NeuronText.queryTitle();
      case KEY -> NeuronText.keyTitle();
      case PRODUCT -> NeuronText.productTitle();
      case SCORE -> NeuronText.scoreTitle();
      default -> "";
    };
  }

  private void paintVector(Column column, int row, float[] values) {
    for (int d = 0; d < values.length; d++) {
      fillCell(layout.cellBounds(column, row, d), values[d]);
    }
    outline(layout.vectorBounds(column, row), colors.grid(), THIN);
  }

  private void fillCell(Rectangle cell, double value) {
    Color color = SignedValueColors.color(value, colors.positive(), colors.negative());
    if (color.getAlpha() > 0) {
      g.setColor(color);
      g.fillRect(cell.x, cell.y, cell.width, cell.height);
    }
  }

  /**
   * The connectors from query row {@code row} to every key; those that cannot cross {@code clip}
   * (both ends above or below it, or the clip beside them) are skipped before any colour is made.
   */
  private void paintConnectors(int row, Rectangle clip) {
    Point from = layout.queryAnchor(row);
    int columns = slice.columnCount();
    if (columns == 0) {
      return;
    }
    // The widest stroke reaches this far past a line's ends.
    int reach = (int) Math.ceil(CONNECTOR.getLineWidth());
    int right = layout.keyAnchor(0).x;
    if (clip.x > right + reach || clip.x + clip.width < from.x - reach) {
      return;
    }
    lineMode();
    g.setStroke(CONNECTOR);
    Color head = scene.headColor();
    int top = clip.y - reach;
    int bottom = clip.y + clip.height + reach;
    for (int c = 0; c < columns; c++) {
      int toY = layout.keyAnchor(c).y;
      if ((from.y < top && toY < top) || (from.y > bottom && toY > bottom)) {
        continue;
      }
      double opacity = SignedValueColors.connectorOpacity(slice.weight(row, c));
      Color color = SignedValueColors.withOpacity(head, opacity);
      if (color.getAlpha() > 0 && slice.visible(row, c)) {
        Point to = layout.keyAnchor(c);
        g.setColor(color);
        g.drawLine(from.x, from.y, to.x, to.y);
      }
    }
    cellMode();
  }

  private void paintProducts(int row, int first, int end) {
    float[] query = slice.queryVector(row);
    for (int c = first; c < Math.min(end, slice.columnCount()); c++) {
      if (!slice.visible(row, c)) {
        continue;
      }
      for (int d = 0; d < query.length; d++) {
        fillCell(layout.cellBounds(Column.PRODUCT, c, d), (double) query[d] * slice.key(c, d));
      }
      outline(layout.vectorBounds(Column.PRODUCT, c), colors.grid(), THIN);
    }
  }

  private void paintScores(int row, int first, int end) {
    double[] scores = slice.scores(row);
    for (int c = first; c < Math.min(end, slice.columnCount()); c++) {
      if (slice.visible(row, c)) {
        Rectangle square = layout.scoreBounds(c);
        fillCell(square, scores[c]);
        outline(square, colors.grid(), THIN);
      }
    }
  }

  private void paintSoftmaxWeights(int row, int first, int end) {
    Color head = scene.headColor();
    for (int c = first; c < Math.min(end, slice.columnCount()); c++) {
      Color color = SignedValueColors.withOpacity(head, slice.weight(row, c));
      if (color.getAlpha() > 0) {
        Rectangle box = layout.tokenBounds(Column.KEY_TOKENS, c);
        g.setColor(color);
        g.fillRect(box.x, box.y, box.width, box.height);
      }
    }
  }

  private void paintSelectionOutlines(int row) {
    Color selection = colors.selection();
    outline(layout.vectorBounds(Column.QUERY, row), selection, THICK);
    int pair = scene.pairColumn();
    if (pair < 0) {
      return;
    }
    outline(layout.vectorBounds(Column.KEY, pair), selection, THIN);
    outline(layout.vectorBounds(Column.PRODUCT, pair), selection, THIN);
    outline(layout.scoreBounds(pair), selection, THIN);
    outline(layout.tokenBounds(Column.KEY_TOKENS, pair), selection, THIN);
    for (DimensionContribution contribution : scene.contributions()) {
      int d = contribution.dimension();
      for (Rectangle cell :
          List.of(
              layout.cellBounds(Column.QUERY, row, d),
              layout.cellBounds(Column.KEY, pair, d),
              layout.cellBounds(Column.PRODUCT, pair, d))) {
        outline(cell, colors.foreground(), THIN);
      }
    }
  }

  private void paintContributions(int row) {
    int pair = scene.pairColumn();
    Rectangle pairCell = layout.listCell(0, 0);
    pairCell.width = layout.width(Column.CONTRIBUTIONS);
    text(
        slice.queryLabels().get(row).strip() + "  \u00b7  " + slice.keyLabels().get(pair).strip(),
        pairCell,
        colors.foreground(),
        Align.LEFT);
    String[] headers = NeuronText.contributionHeaders();
    for (int s = 0; s < headers.length; s++) {
      text(headers[s], layout.listCell(1, s), colors.mutedForeground(), Align.RIGHT);
    }
    List<DimensionContribution> entries = scene.contributions();
    for (int e = 0; e < Math.min(entries.size(), layout.listRows()); e++) {
      String[] cells = format(entries.get(e));
      for (int s = 0; s < cells.length; s++) {
        Rectangle cell = layout.listCell(e + NeuronLayout.LIST_HEADER_ROWS, s);
        text(cells[s], cell, colors.foreground(), Align.RIGHT);
      }
    }
  }

  /** One line about the itemised pair: its tokens, score and weight. */
  private String pairSummary(int row, int column) {
    return Messages.format(
        "neuron.pairSummary",
        slice.layer(),
        slice.head(),
        slice.queryLabels().get(row).strip(),
        slice.keyLabels().get(column).strip(),
        slice.headSize(),
        NumberText.significant(slice.scores(row)[column]),
        NumberText.significant(slice.weight(row, column)));
  }

  /** The cells of one contribution list entry, as painted. */
  static String[] format(DimensionContribution c) {
    String share =
        Double.isNaN(c.share()) ? "\u2013" : String.format(Locale.ROOT, "%.0f%%", 100 * c.share());
    return new String[] {
      Integer.toString(c.dimension()),
      // Three significant digits, at most four decimals: the columns keep their measured width.
      NumberText.significant(c.query(), 3, 4),
      NumberText.significant(c.key(), 3, 4),
      NumberText.significant(c.product(), 3, 4),
      share
    };
  }

  // ---------------------------------------------------------------- tokens and text

  private void paintTokens(
      Column column, List<String> labels, int first, int end, int selected, Align align) {
    for (int r = first; r < Math.min(end, labels.size()); r++) {
      Rectangle box = layout.tokenBounds(column, r);
      if (r == selected) {
        g.setColor(colors.highlightBackground());
        g.fillRect(box.x, box.y, box.width, box.height);
        if (scene.locked()) {
          outline(box, colors.selection(), THICK);
        }
      }
      text(labels.get(r), box, colors.foreground(), align, NeuronLayout.TEXT_PAD);
    }
  }

  private void text(String label, Rectangle box, Color color, Align align) {
    text(label, box, color, align, 0);
  }

  /** Draws {@code label} in {@code box}, {@code padding} in from its sides, cut to fit. */
  private void text(String label, Rectangle box, Color color, Align align, int padding) {
    g.setColor(color);
    TextFit.drawInBox(g, text, label, box, align == Align.RIGHT, padding);
  }

  /**
   * Frames {@code box} with edges {@code thickness} pixels wide just outside it, so the box's own
   * pixels keep their colour. Filled rather than stroked: exact on whole pixels at any integer
   * scale.
   */
  private void outline(Rectangle box, Color color, int thickness) {
    int t = thickness;
    g.setColor(color);
    g.fillRect(box.x - t, box.y - t, box.width + 2 * t, t);
    g.fillRect(box.x - t, box.y + box.height, box.width + 2 * t, t);
    g.fillRect(box.x - t, box.y, t, box.height);
    g.fillRect(box.x + box.width, box.y, t, box.height);
  }
}
