package dev.attnviz.swing.analysis;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.MatrixPainter;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The comparison view's picture, sized and painted: the headline, the titled heatmaps of A, B and
 * their difference, the weight and difference legends, and the note when the difference cannot be
 * drawn; or, without a comparison, the lines of the message that says why. The scene (what each
 * panel shows) is computed by {@link ComparisonScene}; this class only draws it. Use on the Event
 * Dispatch Thread.
 */
final class ComparisonPicture {

  /** Room around the picture. */
  static final int MARGIN = 8;

  private final ViewColors colors;
  private final ComparisonScene scene;
  private final String labelA;
  private final String labelB;
  private final Supplier<String> headline;
  private final Function<String, List<String>> messageLines;

  /**
   * The picture of {@code scene} in {@code colors}, the inputs named {@code labelA} and {@code
   * labelB}; {@code headline} gives the line above a comparison, {@code messageLines} the lines
   * that explain a message.
   */
  ComparisonPicture(
      ViewColors colors,
      ComparisonScene scene,
      String labelA,
      String labelB,
      Supplier<String> headline,
      Function<String, List<String>> messageLines) {
    this.colors = colors;
    this.scene = scene;
    this.labelA = labelA;
    this.labelB = labelB;
    this.headline = headline;
    this.messageLines = messageLines;
  }

  private int rowHeight() {
    return colors.text().height() + 4;
  }

  private ColorLegend weightLegend() {
    return ColorLegend.heat(Messages.text("compare.weightLegend"), "0", "1", colors);
  }

  private ColorLegend differenceLegend(DivergingColorScale scale) {
    return ComparisonText.differenceLegend(labelA, labelB, scale);
  }

  private DivergingColorScale differenceScale(Comparison comparison) {
    return DivergingColorScale.of(colors, comparison.range().maxAbs());
  }

  /** The size of the picture, in pixels. */
  Dimension size() {
    ViewText text = colors.text();
    if (scene.layouts() == null) {
      int width = 0;
      for (String line : messageLines.apply(scene.message())) {
        width = Math.max(width, text.width(line));
      }
      return new Dimension(width + 2 * MARGIN, MARGIN + 3 * rowHeight() + MARGIN);
    }
    MatrixLayout[] layouts = scene.layouts();
    Rectangle last = layouts[layouts.length - 1].bounds();
    int bottom = 0;
    for (MatrixLayout layout : layouts) {
      bottom = Math.max(bottom, layout.bounds().y + layout.bounds().height);
    }
    String note = scene.note();
    ColorLegend legend =
        note == null ? differenceLegend(differenceScale(scene.comparison())) : weightLegend();
    int width =
        Math.max(
            last.x + Math.max(last.width, legend.width(text)),
            MARGIN + Math.max(text.width(headline.get()), note == null ? 0 : text.width(note)));
    int noteHeight = note == null ? 0 : rowHeight();
    return new Dimension(width + MARGIN, bottom + 8 + legend.height(text) + noteHeight + MARGIN);
  }

  /**
   * Paints the picture, the heatmaps through {@code panels} (laid out by the scene), each marking
   * what {@code selection} selects.
   */
  void paint(Graphics2D g, TokenColumnsDisplay[] panels, AttentionSelectionModel selection) {
    ViewText text = colors.text();
    if (scene.layouts() == null) {
      List<String> lines = messageLines.apply(scene.message());
      for (int i = 0; i < lines.size(); i++) {
        g.setColor(i == lines.size() - 1 ? colors.foreground() : colors.mutedForeground());
        TextFit.drawAt(g, text, lines.get(i), MARGIN, MARGIN + i * rowHeight());
      }
      return;
    }
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, headline.get(), MARGIN, MARGIN);
    Comparison comparison = scene.comparison();
    DivergingColorScale scale = differenceScale(comparison);
    MatrixPainter[] painters = {
      new MatrixPainter(colors), new MatrixPainter(colors), new MatrixPainter(colors, scale::rgb)
    };
    float[][] values = {comparison.a(), comparison.b(), comparison.difference()};
    String[] titles = {
      Messages.format("compare.titleA", labelA),
      Messages.format("compare.titleB", labelB),
      Messages.text("compare.titleDifference")
    };
    Rectangle clip = g.getClipBounds();
    int bottom = 0;
    for (int p = 0; p < scene.layouts().length; p++) {
      MatrixLayout layout = scene.layouts()[p];
      g.setColor(colors.foreground());
      TextFit.drawAt(g, text, titles[p], layout.cellsX(), MARGIN + rowHeight());
      panels[p].paint(
          g,
          clip,
          ComparisonScene.selectionScene(scene.shown()[p], selection),
          painters[p],
          values[p]);
      bottom = Math.max(bottom, layout.bounds().y + layout.bounds().height);
    }
    weightLegend().paint(g, colors, scene.layouts()[0].cellsX(), bottom + 8);
    if (scene.note() == null) {
      differenceLegend(scale).paint(g, colors, scene.layouts()[2].cellsX(), bottom + 8);
    } else {
      // Said where the difference would be, so the missing third heatmap is explained.
      g.setColor(colors.foreground());
      int below = bottom + 8 + weightLegend().height(text);
      TextFit.drawAt(g, text, scene.note(), MARGIN, below);
    }
  }
}
