package dev.attnviz.swing.neuron;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.FaintLines;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.ViewColors;
import java.util.List;

/**
 * Turns what the neuron view shows (the head cut from the shown attention, the selection and the
 * view's options) into {@link NeuronScene}s, and keeps what is costly between them: the slice until
 * the head shown changes, the layout until its input changes (not on hover), the layout fitted to
 * the viewport until the width changes, and the shared {@link TokenColumnsDisplay} that draws
 * collapsed mode. Use on the Event Dispatch Thread.
 */
final class NeuronSceneBuilder {

  private static final System.Logger LOG = System.getLogger(NeuronSceneBuilder.class.getName());

  /** The options of the view a scene depends on. */
  record Options(NeuronMode mode, int topDimensionCount, int pairKey) {}

  private final FaintLines faint = new FaintLines();

  private final TokenColumnsDisplay columns =
      new TokenColumnsDisplay(
          NeuronLayout.LINE_GAP, NeuronLayout.LINE_GAP, NeuronLayout.LABEL_BOX_WIDTH);

  private NeuronSlice slice;
  private String sliceError;
  private NeuronLayout layout;
  private NeuronLayout.Input layoutInput;
  private NeuronLayout fittedLayout;
  private int fittedWidth;

  /** The head shown, or null without data or for a layer or head the data lacks. */
  NeuronSlice slice() {
    return slice;
  }

  /**
   * Cuts the selected layer's focused head out of {@code shown} (null: nothing is shown); a layer
   * or head the data lacks leaves no slice and a message instead.
   */
  void recut(ShownAttention shown, AttentionSelectionModel selection) {
    slice = null;
    sliceError = null;
    if (shown != null) {
      try {
        InvalidHeads invalid =
            InvalidHeads.among(shown, selection.layer(), new int[] {selection.focusHead()});
        if (!invalid.isEmpty()) {
          // A large dump's head found invalid when first looked at: say so, draw nothing of it.
          sliceError = invalid.note();
          return;
        }
        slice = NeuronSlice.of(shown, selection.layer(), selection.focusHead());
      } catch (IllegalArgumentException e) {
        // A host asked for a layer or head the data lacks: say so instead of drawing.
        sliceError = e.getMessage();
        LOG.log(System.Logger.Level.DEBUG, "neuron view cannot show the selection", e);
      }
    }
  }

  /** Forgets the layout, e.g. after the font changed, so that the next scene measures again. */
  void dropLayout() {
    layoutInput = null;
    columns.invalidate();
  }

  /**
   * The scene for the current slice under {@code selection} and {@code options}, laid out for a
   * viewport {@code width} pixels wide.
   */
  NeuronScene build(
      AttentionViewModel model,
      AttentionSelectionModel selection,
      Options options,
      ViewColors colors,
      int width) {
    boolean expanded = options.mode() == NeuronMode.EXPANDED && slice != null && slice.hasVectors();
    String message;
    if (!model.hasData()) {
      message = NeuronText.noData();
    } else if (sliceError != null) {
      message = sliceError;
    } else if (options.mode() == NeuronMode.EXPANDED && slice != null && !slice.hasVectors()) {
      message = NeuronText.noVectors(model);
    } else if (!expanded && slice != null) {
      // Collapsed mode draws the head view's lines of one head: say so when none can be seen,
      // or when the faintest are left out.
      String note = faint.note(slice.shown(), selection.layer(), new int[] {selection.focusHead()});
      if (note.isEmpty()) {
        note = linesLeftOut(colors).note();
      }
      message = note.isEmpty() ? null : note;
    } else {
      message = null;
    }
    int row = -1;
    int column = -1;
    boolean locked = false;
    TokenRef token = selection.selectedToken();
    if (slice != null && token != null) {
      if (token.isQuery()) {
        row = slice.shown().positionOf(token);
      } else if (!expanded) {
        column = slice.shown().positionOf(token);
      }
      locked = token.equals(selection.lockedToken());
    }
    int pair = -1;
    List<DimensionContribution> top = List.of();
    if (expanded && row >= 0) {
      pair = pairColumn(row, options.pairKey());
      if (pair >= 0 && options.topDimensionCount() > 0) {
        top =
            DimensionContributions.top(
                slice.queryVector(row), slice.keyVector(pair), options.topDimensionCount());
      }
    }
    NeuronLayout laidOut = layoutFor(expanded, message, options.topDimensionCount(), colors);
    return new NeuronScene(
        slice, fitted(laidOut, width), colors, message, row, column, locked, pair, top);
  }

  /**
   * How many of the collapsed picture's lines are drawn, counted without a selected token (whose
   * lines are all drawn), so the message does not change while the pointer moves.
   */
  private DrawnLines linesLeftOut(ViewColors colors) {
    columns.setMinRowHeight(NeuronLayout.rowHeight(colors.text()));
    return columns.drawnLines(NeuronScene.linesScene(slice, colors, null, null), colors);
  }

  /** The key column itemised for query row {@code row}: the chosen key if visible, else the top. */
  private int pairColumn(int row, int pairKey) {
    int chosen = pairKey < 0 ? -1 : slice.columnOf(pairKey);
    return chosen >= 0 && slice.visible(row, chosen) ? chosen : slice.strongestColumn(row);
  }

  /** The layout, recomputed only when what it depends on changed (not on hover). */
  private NeuronLayout layoutFor(
      boolean expanded, String message, int topDimensionCount, ViewColors colors) {
    NeuronLayout.Input input =
        new NeuronLayout.Input(
            expanded,
            slice == null ? List.of() : slice.queryLabels(),
            slice == null ? List.of() : slice.keyLabels(),
            expanded ? slice.headSize() : 0,
            message,
            expanded ? topDimensionCount : 0);
    if (!input.equals(layoutInput)) {
      layoutInput = input;
      layout = NeuronLayout.compute(input, colors.text());
      fittedLayout = null;
    }
    return layout;
  }

  /**
   * The layout as drawn: the computed one, or one with narrower cells where that is what fits a
   * viewport {@code width} wide; recomputed only when the layout or the width changed.
   */
  private NeuronLayout fitted(NeuronLayout computed, int width) {
    if (fittedLayout == null || width != fittedWidth) {
      fittedLayout = computed.fittedTo(width, NeuronLayout.MIN_CELL_WIDTH);
      fittedWidth = width;
    }
    return fittedLayout;
  }

  /** Whether {@code layout} is the computed one, not narrowed for the viewport. */
  boolean isNatural(NeuronLayout shownLayout) {
    return shownLayout == layout;
  }

  /**
   * {@code scene} refitted if the viewport's width changed since it was built (a resize lays the
   * view out again but builds no new scene); {@code scene} itself otherwise.
   */
  NeuronScene refit(NeuronScene scene, int width) {
    if (scene == null || layout == null) {
      return scene;
    }
    NeuronLayout refitted = fitted(layout, width);
    return scene.layout() == refitted ? scene : scene.withLayout(refitted);
  }

  /**
   * The shared token-columns display that draws {@code scene} when collapsed, placed where the
   * scene's layout puts its token columns; null when expanded or without a slice.
   */
  TokenColumnsDisplay columns(NeuronScene scene) {
    if (scene.expanded() || scene.slice() == null) {
      return null;
    }
    NeuronLayout shown = scene.layout();
    columns.setMinRowHeight(shown.rowHeight());
    columns.update(scene.slice().shown(), scene.colors(), NeuronLayout.PAD, shown.rowsTop(), 0);
    return columns;
  }
}
