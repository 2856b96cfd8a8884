package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.DisplayMode;
import dev.attnviz.swing.DisplayModeBox;
import dev.attnviz.swing.SelectionControls;
import dev.attnviz.swing.SelectionControls.Part;
import dev.attnviz.swing.ViewKeys;
import dev.attnviz.swing.ViewNavigation;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsPainter;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import javax.swing.JComboBox;
import javax.swing.JLabel;

/**
 * Attention rollout (Abnar and Zuidema 2020, see {@link Rollout}): how much each position at the
 * output of a layer draws on each input token, through every layer up to it, residual connections
 * included. A depth selector chooses the layer ("after layer 0" to the last, the default).
 *
 * <p>{@link DisplayMode#HEATMAP} (the default) draws the rollout matrix as a heatmap with token
 * labels, its colours running from the background (0) to the heat colour at the largest value shown
 * (rollouts of deep layers are diffuse, raw weights would wash out), with a legend; {@link
 * DisplayMode#LINES} draws it like the head view, lines from each query token on the left to each
 * input token on the right, in one colour with opacity = rollout weight. Hover a token to see only
 * its row (or column) and lock it with a click; Escape unlocks. Tooltips give exact values. Keys:
 * Up/Down move the locked token, PageUp/PageDown the depth.
 *
 * <p>It rolls out the selected kind of the view model's display data (special tokens hidden or
 * words joined, as its options say), respecting the sentence-pair filter. Cross attention maps
 * decoder to encoder tokens and cannot be rolled out: the view says so. The rollout takes {@code
 * O(layers · n³)} operations (about 1.6 G for 512 tokens), so long inputs are rolled out on a
 * background thread while the view shows "Computing…". Bound properties: {@code "depth"}, {@code
 * "displayMode"}, {@code "rollout"} (when a new rollout arrives). Export: what is shown as PNG or
 * SVG, the shown matrix as CSV.
 *
 * <p>Use on the Event Dispatch Thread.
 *
 * @serial exclude
 */
public class RolloutView extends AttentionView {

  /** The depth meaning "after the last layer", whatever the layer count: the full rollout. */
  public static final int FINAL_LAYER = -1;

  private static final int MARGIN = RolloutPicture.MARGIN;
  private static final int LINE_AREA_WIDTH = 180;
  private static final int MAX_LABEL_WIDTH = 160;
  private static final int[] ONE_HEAD = {0};

  private final SelectionControls selectors =
      new SelectionControls(EnumSet.of(Part.KIND, Part.FILTER, Part.DISPLAY_OPTIONS));
  private final DepthBox depthBox = new DepthBox(this::setDepth);
  private final DisplayModeBox modeBox =
      new DisplayModeBox(
          DisplayMode.HEATMAP,
          (old, mode) -> {
            invalidateLayout();
            firePropertyChange(DisplayModeBox.PROPERTY, old, mode);
          });
  private final LatestResult<RolloutResult> result = new LatestResult<>(this::resultChanged);

  /** Holds the rollout as data, so that {@link ShownAttention} cuts and labels it. */
  private final AttentionViewModel rolloutModel = new AttentionViewModel();

  private final ViewNavigation navigation =
      new ViewNavigation(this, this::shownRollout, false)
          .onToken(token -> tokenBounds(token).ifPresent(this::scrollRectToVisible));

  private int depth = FINAL_LAYER;
  private ShownAttention shownRollout;
  private boolean shownRolloutValid;
  private final TokenColumnsDisplay display =
      new TokenColumnsDisplay(LINE_AREA_WIDTH, LINE_AREA_WIDTH, MAX_LABEL_WIDTH);
  private float[] matrixValues;

  /** Creates a rollout view with empty models of its own. */
  public RolloutView() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates a rollout view.
   *
   * @param model the data and display options
   * @param selection the selection (kind, filter, tokens), possibly shared with other views
   */
  public RolloutView(AttentionViewModel model, AttentionSelectionModel selection) {
    super(model, selection);
    selectors.addToSelectorRow(
        new JLabel(Messages.text("rollout.depth")),
        depthBox.component(),
        new JLabel(Messages.text("headView.show")),
        modeBox.component());
    selectors.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(bindControls(selectors));
    installTokenMouse(this::tokenAt);
    installKeys();
    describeAs(
        Messages.text("rolloutView.name"),
        (shown, s) -> AttentionDescription.rollout(shown, s, depth));
    start();
  }

  /**
   * The layer after which the rollout is shown, or {@link #FINAL_LAYER} (the default) for the last
   * one (bound property {@code "depth"}). A depth beyond the data's layers shows the last layer.
   *
   * @return the layer index, or {@link #FINAL_LAYER}
   */
  public int getDepth() {
    return depth;
  }

  /**
   * Sets the depth: the rollout after layer {@code layer} (from 0), or {@link #FINAL_LAYER}.
   *
   * @param layer a layer index, 0-based, or {@link #FINAL_LAYER}
   * @throws IllegalArgumentException if below {@link #FINAL_LAYER}
   */
  public void setDepth(int layer) {
    if (layer < FINAL_LAYER) {
      throw new IllegalArgumentException(
          "depth " + layer + " must be a layer index or FINAL_LAYER (-1)");
    }
    changeProperty(
        "depth",
        depth,
        layer,
        d -> {
          depth = d;
          refreshDepthBox();
          invalidateLayout();
        });
  }

  /**
   * The layer whose rollout is shown now, or −1 without a rollout.
   *
   * @return the layer index, or −1
   */
  public int shownDepth() {
    RolloutResult rollout = result.value();
    if (rollout == null) {
      return -1;
    }
    int last = rollout.rollout().layerCount() - 1;
    return depth == FINAL_LAYER ? last : Math.min(depth, last);
  }

  /**
   * How the rollout is drawn (bound property {@code "displayMode"}); default HEATMAP.
   *
   * @return the display mode; never null
   */
  public DisplayMode getDisplayMode() {
    return modeBox.mode();
  }

  /**
   * Switches between the heatmap and lines.
   *
   * @param mode the display mode; not null
   */
  public void setDisplayMode(DisplayMode mode) {
    modeBox.setMode(mode);
  }

  /**
   * The rollout of the shown kind, once computed.
   *
   * @return the rollout, or empty while none is computed
   */
  public Optional<Rollout> rollout() {
    return Optional.ofNullable(result.value()).map(RolloutResult::rollout);
  }

  /**
   * Whether the rollout is being computed on a background thread.
   *
   * @return true while a computation runs
   */
  public boolean isComputing() {
    return result.isPending();
  }

  /**
   * The kind, filter and display-option selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  /**
   * The depth selector (items are layer indexes).
   *
   * @return the combo box
   */
  public JComboBox<Integer> depthSelector() {
    return depthBox.component();
  }

  /** Sets the estimated time up to which the rollout is computed at once on the EDT; for tests. */
  void setSynchronousLimit(long limit) {
    result.setSynchronousLimit(limit);
  }

  /**
   * The message shown instead of a rollout (no data, computing, cross attention), if any.
   *
   * @return the message, in the views' locale, or empty
   */
  public Optional<String> message() {
    AttentionData data = displayData();
    if (data == null) {
      return Optional.of(Messages.text("view.noData"));
    }
    AttentionKind kind = shownKind(data);
    if (!kind.isSelfAttention()) {
      return Optional.of(RolloutResult.needsSelfAttention(kind));
    }
    if (result.isPending()) {
      return Optional.of(Messages.text("rollout.computing"));
    }
    if (result.error() != null) {
      return Optional.of(Messages.format("rollout.error", result.error()));
    }
    return Optional.empty();
  }

  private AttentionKind shownKind(AttentionData data) {
    AttentionKind kind = getSelectionModel().kind();
    return data.has(kind) ? kind : data.primary().kind();
  }

  @Override
  protected void dataChanged() {
    requestRollout();
    invalidateLayout();
  }

  private void requestRollout() {
    AttentionData data = displayData();
    AttentionKind kind = data == null ? null : shownKind(data);
    if (kind == null || !kind.isSelfAttention()) {
      result.clear();
      return;
    }
    result.request(
        data,
        kind,
        RolloutResult.estimatedNanos(data.attention(kind)),
        () -> RolloutResult.of(Rollout.of(data.attention(kind)), data));
  }

  private void resultChanged() {
    RolloutResult rollout = result.value();
    rolloutModel.setData(rollout == null ? null : rollout.asData());
    refreshDepthBox();
    invalidateLayout();
    firePropertyChange("rollout", null, rollout == null ? null : rollout.rollout());
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    if (event != null && EnumSet.of(Aspect.HOVER, Aspect.LOCK).containsAll(event.aspects())) {
      repaintSelection();
      return;
    }
    if (event == null || event.changed(Aspect.KIND)) {
      requestRollout();
      invalidateLayout();
    } else if (event.changed(Aspect.FILTER)) {
      invalidateLayout();
    }
  }

  @Override
  protected void themeChanged() {
    invalidateLayout();
  }

  private void invalidateLayout() {
    shownRolloutValid = false;
    display.invalidate();
    matrixValues = null;
    relayout();
  }

  private void repaintSelection() {
    if (shownRollout() != null) {
      TokenColumnsDisplay shown = display();
      TokenColumnsPainter.Scene scene = scene();
      repaintTokenSelection(token -> shown.selectionArea(token, scene));
    } else {
      markSelectionPainted();
      repaint();
    }
  }

  private void refreshDepthBox() {
    RolloutResult rollout = result.value();
    depthBox.show(rollout == null ? 0 : rollout.rollout().layerCount(), shownDepth());
  }

  // ---- geometry ----

  /** The rollout as the views' painters see it, cut by the filter; null without a rollout. */
  ShownAttention shownRollout() {
    if (!shownRolloutValid) {
      rolloutModel.setPrettifyTokens(getModel().isPrettifyTokens());
      shownRollout =
          result.value() == null || message().isPresent()
              ? null
              : ShownAttention.of(rolloutModel, getSelectionModel(), getModel().tokenDisplay())
                  .orElse(null);
      shownRolloutValid = true;
    }
    return shownRollout;
  }

  private int bodyTop() {
    return MARGIN + RolloutPicture.rowHeight(colors()) + 4;
  }

  /** The token-columns display of the rollout, up to date. */
  private TokenColumnsDisplay display() {
    display.update(shownRollout(), colors(), MARGIN, bodyTop(), getWidth());
    display.setStrategy(modeBox.strategy());
    return display;
  }

  /** The picture of what is shown now: the rollout, or the message that says why there is none. */
  private RolloutPicture picture() {
    return new RolloutPicture(
        colors(),
        shownRollout() == null ? null : display(),
        getDisplayMode() == DisplayMode.HEATMAP,
        this::matrixValues,
        title(),
        () -> message().orElse(""));
  }

  @Override
  protected Dimension contentSize() {
    return picture().size();
  }

  @Override
  protected int scrollUnit() {
    return RolloutPicture.rowHeight(colors());
  }

  /**
   * The box of {@code token} (label) in this component's coordinates, if it is shown.
   *
   * @param token a data token
   * @return the box, or empty
   */
  public Optional<Rectangle> tokenBounds(TokenRef token) {
    return tokenBoundsIn(display().places(), token);
  }

  /** The token at a point of this component (a matrix cell counts as its query), or null. */
  @Override
  public TokenRef tokenAt(Point point) {
    return tokenAtIn(display().places(), point);
  }

  /** The matrix cell at a point of this component, in matrix mode, or null. */
  MatrixLayout.Hit matrixCellAt(Point point) {
    return display().cellAt(new Point(point.x, point.y - contentTop()));
  }

  // ---- painting ----

  /** The rollout's title; in lines mode with how many lines are drawn when some are left out. */
  String title() {
    RolloutResult rollout = result.value();
    if (rollout == null) {
      return "";
    }
    String title = rollout.title(shownDepth());
    return getDisplayMode() == DisplayMode.LINES
        ? display().drawnLines(scene().withoutSelection(), colors()).titled(title)
        : title;
  }

  private TokenColumnsPainter.Scene scene() {
    AttentionSelectionModel selection = getSelectionModel();
    return new TokenColumnsPainter.Scene(
        shownRollout(),
        shownDepth(),
        ONE_HEAD,
        new Color[] {colors().heat()},
        1f,
        selection.selectedToken(),
        selection.lockedToken());
  }

  private float[] matrixValues() {
    if (matrixValues == null) {
      BitSet head = new BitSet();
      head.set(0);
      matrixValues = shownRollout().meanMatrix(shownDepth(), head);
    }
    return matrixValues;
  }

  @Override
  protected void paintContent(Graphics2D g) {
    picture().paint(g, this::scene, hasFocus());
    if (shownRollout() != null) {
      markSelectionPainted();
    }
  }

  // ---- export ----

  /** The rollout matrix shown, cut by the filter, with the shown token labels. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    ShownAttention shown = shownRollout();
    if (shown == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ShownMatrix(
            "Rollout after layer " + shownDepth() + " (" + shown.kind().id() + ")",
            shown.rowLabels(),
            shown.columnLabels(),
            matrixValues()));
  }

  // ---- mouse, keys, tooltips ----

  /** The views' key map ({@link ViewKeys}); the layer keys step the rollout's depth. */
  private void installKeys() {
    Map<ViewKeys.Action, Runnable> actions = navigation.actions();
    actions.put(ViewKeys.Action.PREVIOUS_LAYER, () -> moveDepth(-1));
    actions.put(ViewKeys.Action.NEXT_LAYER, () -> moveDepth(1));
    // One rollout for all heads: no head to step or isolate.
    actions.keySet().removeIf(action -> action.name().contains("HEAD"));
    ViewKeys.install(this, actions);
  }

  /** Moves the depth by {@code delta} layers. */
  void moveDepth(int delta) {
    RolloutResult rollout = result.value();
    if (rollout != null) {
      int last = rollout.rollout().layerCount() - 1;
      int next = Math.max(0, Math.min(last, shownDepth() + delta));
      setDepth(next == last ? FINAL_LAYER : next);
    }
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    ShownAttention shown = shownRollout();
    if (shown == null) {
      return null;
    }
    MatrixLayout.Hit cell = matrixCellAt(e.getPoint());
    return cell != null
        ? RolloutTooltips.cell(shown, shownDepth(), cell.row(), cell.column())
        : RolloutTooltips.at(
            shown, shownDepth(), tokenAt(e.getPoint()), getSelectionModel().lockedToken());
  }
}
