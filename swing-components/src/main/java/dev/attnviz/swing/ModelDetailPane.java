package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.FaintLines;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.function.IntFunction;

/**
 * The model view's detail pane: the selected thumbnail's head as the shared token-columns display
 * (lines of one head in its layer's colour), titled "Layer L, Head H", beside the grid.
 */
final class ModelDetailPane {

  private final TokenColumnsDisplay display;
  private final FaintLines faint = new FaintLines();
  private final int gap;
  private final int margin;
  private LayerHead cell;
  private ShownAttention shown;
  private ViewColors colors;
  private IntFunction<Color> layerColor;
  private int cellsY;

  ModelDetailPane(int lineArea, int maxLabelWidth, int gap, int margin) {
    this.display = new TokenColumnsDisplay(lineArea, lineArea, maxLabelWidth);
    // A selection change repaints thousands of the detail's lines: rasterised, not stroked.
    display.setRasterLines(true);
    this.gap = gap;
    this.margin = margin;
  }

  /** Drops the layout. */
  void invalidate() {
    display.invalidate();
  }

  /**
   * Shows {@code newCell}'s detail of {@code newShown} beside {@code grid} (null: nothing), its
   * lines in {@code newLayerColor}'s colour for the cell's layer.
   */
  ModelDetailPane update(
      ShownAttention newShown,
      LayerHead newCell,
      ModelGridLayout grid,
      ViewColors newColors,
      IntFunction<Color> newLayerColor) {
    cell = newCell;
    shown = newCell == null ? null : newShown;
    colors = newColors;
    layerColor = newLayerColor;
    if (shown == null) {
      display.update(null, colors, 0, 0, -1);
    } else {
      Rectangle bounds = grid.bounds();
      cellsY = grid.cellsY();
      display.update(shown, colors, bounds.x + bounds.width + gap, cellsY, -1);
    }
    return this;
  }

  /** The token columns (empty without a selected cell). */
  TokenColumnsDisplay display() {
    return display;
  }

  /** What the lines show under {@code selection}, in the layer's colour; null without a cell. */
  TokenColumnsPainter.Scene scene(AttentionSelectionModel selection) {
    return shown == null ? null : scene(selection.selectedToken(), selection.lockedToken());
  }

  private TokenColumnsPainter.Scene scene(TokenRef selected, TokenRef locked) {
    Color color = layerColor.apply(cell.layer());
    // A head whose weights are invalid is crossed out in the grid; here only its tokens are drawn.
    int[] heads =
        InvalidHeads.among(shown, cell.layer(), new int[] {cell.head()})
            .drawable(new int[] {cell.head()});
    return new TokenColumnsPainter.Scene(
        shown,
        cell.layer(),
        heads,
        heads.length == 0 ? new Color[0] : new Color[] {color},
        1f,
        selected,
        locked);
  }

  /** Where the title goes, above the token columns; null without a cell. */
  Rectangle titleBox() {
    if (shown == null) {
      return null;
    }
    Rectangle bounds = display.linesLayout().bounds();
    return new Rectangle(bounds.x, margin, bounds.width, cellsY - margin);
  }

  /**
   * The title: "Layer L, Head H", with "the strongest N of M lines" when the faintest are left out
   * (counted without a hovered token, whose lines are all drawn), or instead what is wrong with the
   * head's weights; null without a cell.
   */
  String title() {
    if (shown == null) {
      return null;
    }
    InvalidHeads invalid = InvalidHeads.among(shown, cell.layer(), new int[] {cell.head()});
    if (!invalid.isEmpty()) {
      return invalid.note();
    }
    DrawnLines lines = display.drawnLines(scene(null, null), colors);
    return lines.titled(Messages.format("view.layerHead", cell.layer(), cell.head()));
  }

  /**
   * Why no line can be seen, written where the lines would be, if every weight of the head is too
   * faint ({@link FaintLines}); empty otherwise, and without a cell.
   */
  String faintNote() {
    return shown == null ? "" : faint.note(shown, cell.layer(), new int[] {cell.head()});
  }

  /** Paints the title and {@code scene}'s lines; nothing without a cell. */
  void paint(Graphics2D g, Rectangle clip, TokenColumnsPainter.Scene scene) {
    if (shown == null || scene == null) {
      return;
    }
    boolean invalid = scene.heads().length == 0;
    g.setColor(invalid ? colors.negative() : colors.foreground());
    ViewText title = ViewText.of(colors.font().deriveFont(Font.BOLD));
    TextFit.drawInBox(g, title, title(), titleBox(), false);
    display.paint(g, clip, scene, null, null);
    String note = invalid ? "" : faintNote();
    if (!note.isEmpty()) {
      g.setColor(colors.mutedForeground());
      Rectangle area = display.linesLayout().lineArea();
      TextFit.drawWrapped(g, colors.text(), note, area.x + 8, area.y, area.width - 16);
    }
  }
}
