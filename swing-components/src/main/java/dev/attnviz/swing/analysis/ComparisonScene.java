package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * What the comparison view paints: either a message, or the three shown attentions (the third for
 * labels only), their comparison and the layouts of the three heatmaps side by side; or, for inputs
 * whose tokens do not align, A and B side by side, each its own size, and a note saying why no
 * difference is drawn.
 *
 * @param message why nothing is shown, or null
 * @param shown A, B and (with a difference) A's tokens labelled with both texts
 * @param comparison the values shown
 * @param layouts one heatmap layout per entry of {@code shown}
 * @param note why no difference is drawn beside A and B, or null when it is
 */
record ComparisonScene(
    String message,
    ShownAttention[] shown,
    Comparison comparison,
    MatrixLayout[] layouts,
    String note) {

  private static final int MARGIN = 8;
  private static final int PANEL_GAP = 28;
  private static final int MAX_LABEL_WIDTH = 160;

  /**
   * What {@code modelA} and {@code modelB} compare under {@code selection}: a message, or the three
   * shown attentions (A, B, and A's tokens labelled with both texts from {@code labels}), their
   * comparison and the heatmaps' layouts, laid out by {@code panels} (one display per heatmap).
   */
  static ComparisonScene compute(
      AttentionViewModel modelA,
      AttentionViewModel modelB,
      AttentionViewModel labels,
      AttentionSelectionModel selection,
      boolean meanOfHeads,
      ViewColors colors,
      TokenColumnsDisplay[] panels) {
    AttentionData a = modelA.displayData();
    AttentionData b = modelB.displayData();
    if (a == null || b == null) {
      return message(Messages.text("compare.nothing"));
    }
    AttentionKind kind = a.has(selection.kind()) ? selection.kind() : a.primary().kind();
    Optional<String> problem = Comparison.problem(a, b, kind);
    if (problem.isPresent()) {
      return message(problem.get());
    }
    Attention attention = a.attention(kind);
    Attention attentionB = b.attention(kind);
    for (Attention x : new Attention[] {attention, attentionB}) {
      if (selection.layer() >= x.layerCount() || selection.focusHead() >= x.headCount()) {
        return message(
            Messages.format(
                "compare.notInResults",
                selection.layer(),
                selection.focusHead(),
                x == attention ? "A" : "B",
                x.layerCount(),
                x.headCount()));
      }
    }
    String unit = Messages.text(modelA.isWordLevel() ? "compare.words" : "compare.tokens");
    Optional<String> note = Comparison.whyNoDifference(a, b, kind, unit);
    if (note.isPresent()) {
      ShownAttention[] both = {
        ShownAttention.of(modelA, selection).orElseThrow(),
        ShownAttention.of(modelB, selection).orElseThrow()
      };
      Comparison values =
          Comparison.sideBySide(
              both[0],
              both[1],
              selection.layer(),
              heads(modelA, selection, meanOfHeads, attention),
              heads(modelB, selection, meanOfHeads, attentionB));
      return new ComparisonScene(null, both, values, layouts(both, colors, panels), note.get());
    }
    ShownAttention[] shown = {
      ShownAttention.of(modelA, selection).orElseThrow(),
      ShownAttention.of(modelB, selection).orElseThrow(),
      ShownAttention.of(labels, selection, modelA.tokenDisplay()).orElseThrow()
    };
    Comparison comparison =
        Comparison.of(
            shown[0],
            shown[1],
            selection.layer(),
            heads(modelA, selection, meanOfHeads, attention));
    return new ComparisonScene(null, shown, comparison, layouts(shown, colors, panels), null);
  }

  private static ComparisonScene message(String message) {
    return new ComparisonScene(message, null, null, null, null);
  }

  /** The heads compared: the focused one, or every visible head. */
  private static BitSet heads(
      AttentionViewModel model,
      AttentionSelectionModel selection,
      boolean meanOfHeads,
      Attention attention) {
    BitSet heads = new BitSet();
    if (meanOfHeads) {
      Arrays.stream(model.visibleHeads(attention.headCount())).forEach(heads::set);
    } else {
      heads.set(selection.focusHead());
    }
    return heads;
  }

  /**
   * The three heatmaps side by side, each the shared token-columns display's heatmap strategy in
   * one of {@code panels}, their key label bands equally tall so the cells align.
   */
  private static MatrixLayout[] layouts(
      ShownAttention[] shown, ViewColors colors, TokenColumnsDisplay[] panels) {
    ViewText text = colors.text();
    int top = MARGIN + 2 * (text.height() + 4) + 4;
    int labelBand = 0;
    for (ShownAttention s : shown) {
      labelBand =
          Math.max(
              labelBand,
              TokenColumnsLayout.boxWidth(s.columnLabels(), text::width, MAX_LABEL_WIDTH));
    }
    MatrixLayout[] layouts = new MatrixLayout[shown.length];
    int x = MARGIN;
    for (int p = 0; p < shown.length; p++) {
      TokenColumnsDisplay panel = panels[p];
      panel.setStrategy(TokenColumnsDisplay.Strategy.HEATMAP);
      panel.setMinColumnLabelHeight(labelBand);
      panel.update(shown[p], colors, x, top, 0);
      layouts[p] = panel.matrixLayout();
      x = layouts[p].bounds().x + layouts[p].bounds().width + PANEL_GAP;
    }
    return layouts;
  }

  /** The heatmap display of each panel, left to right; its maximum label width is the scene's. */
  static TokenColumnsDisplay[] displays(int count) {
    TokenColumnsDisplay[] displays = new TokenColumnsDisplay[count];
    for (int p = 0; p < count; p++) {
      displays[p] = new TokenColumnsDisplay(0, 0, MAX_LABEL_WIDTH);
    }
    return displays;
  }

  /** The hovered and locked tokens of {@code selection}, as a heatmap highlights them. */
  static TokenColumnsPainter.Scene selectionScene(
      ShownAttention shown, AttentionSelectionModel selection) {
    return new TokenColumnsPainter.Scene(
        shown,
        selection.layer(),
        new int[0],
        new java.awt.Color[0],
        1f,
        selection.selectedToken(),
        selection.lockedToken());
  }
}
