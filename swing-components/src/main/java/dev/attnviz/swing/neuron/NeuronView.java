package dev.attnviz.swing.neuron;

import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.SelectionControls;
import dev.attnviz.swing.ViewKeys;
import dev.attnviz.swing.ViewNavigation;
import dev.attnviz.swing.ViewProperty;
import dev.attnviz.swing.ViewWithControls;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * Shows how one attention head computes its weights: the neuron view.
 *
 * <p>It shows {@link AttentionSelectionModel#layer()} and {@link
 * AttentionSelectionModel#focusHead()} of {@link AttentionSelectionModel#kind()} in the data of an
 * {@link AttentionViewModel}. Both models may be shared with other views: changing the layer, head,
 * filter or selected token in one view changes it in all. In {@link NeuronMode#EXPANDED expanded}
 * mode (the default) it draws, left to right: the query tokens, each token's query vector q, the
 * key vectors k, the elementwise products {@code q_i ⊙ k_j} of the selected query i with every key
 * j, the scaled dot products {@code (q_i · k_j) / sqrt(d)}, and the softmax: the key tokens tinted
 * by the model's own weights {@code a_ij}. Values are coloured by sign ({@code
 * AttentionView.positiveColor}, {@code AttentionView.negativeColor}) with opacity {@code
 * tanh(|v|/4)}; connectors from q_i to each key have opacity {@code tanh(1.8 · a_ij)}. For causal
 * models, products and scores of keys after the query are hidden. The dimensions that contribute
 * most to the score of the selected pair (i, j) are outlined and listed. In {@link
 * NeuronMode#COLLAPSED collapsed} mode it draws lines between the tokens exactly as the head view
 * does for one head. Data without query and key vectors can only be collapsed; the view says so.
 *
 * <p>It shows the model's {@link AttentionViewModel#displayData() display data}: with special
 * tokens hidden the vectors of the remaining tokens stay, at word level there are none (a word has
 * no query or key vector of its own), and the view says that word level is why.
 *
 * <p>Mouse: hover a query token (or its q row) to select it, click to lock it, click a key row to
 * itemise that pair. Keyboard (when focused): ↑/↓ move the locked token, Shift+↑/↓ the itemised
 * key, ←/→ the head, Page Up/Down the layer, Escape unlocks. Tooltips give exact values.
 *
 * <p>Like the other views (see {@link ViewWithControls}) it brings its own controls (layer, head,
 * kind, pair filter: a {@link SelectionControls}, plus the expanded switch); put it in a {@link
 * JScrollPane} for long inputs and wide heads, and the controls move into the scroll pane's column
 * header. Hosts with their own controls hide them with {@link #setControlsVisible(boolean)}.
 * Options are bound properties. Layers and heads offered follow the model's {@code
 * includeLayers}/{@code includeHeads}. Colours and font come from the {@link ViewColors} UIManager
 * keys and follow look-and-feel changes. Export ({@link ExportableView}) draws exactly what is
 * shown, selection included, at full size (not just the scrolled viewport).
 *
 * <p>Expanded, the vector cells are as wide as a column of about 384 pixels allows (at most 8
 * pixels). In a viewport (a {@link JScrollPane}) too narrow for the whole picture at that width,
 * the cells narrow, in whole pixels, until every column, the softmax's key tokens and the list of
 * top dimensions fit the viewport's width, down to {@value #MIN_FITTED_CELL_WIDTH} pixels a cell;
 * narrower than that, the view scrolls sideways. Rows keep their height.
 *
 * <p>Swing component: use on the Event Dispatch Thread only.
 *
 * @serial exclude
 */
public final class NeuronView extends AttentionView {

  /** Bound property: {@link #getMode()}. */
  public static final String MODE_PROPERTY = "mode";

  /** Bound property: {@link #isControlsVisible()}. */
  public static final String CONTROLS_VISIBLE_PROPERTY = "controlsVisible";

  /** Bound property: {@link #getTopDimensionCount()}. */
  public static final String TOP_DIMENSION_COUNT_PROPERTY = "topDimensionCount";

  /** Bound property: {@link #getPairKey()}. */
  public static final String PAIR_KEY_PROPERTY = "pairKey";

  /** Bound property: {@link #getModel()}. */
  public static final String MODEL_PROPERTY = "model";

  /** Bound property: {@link #getSelectionModel()}. */
  public static final String SELECTION_MODEL_PROPERTY = "selectionModel";

  /** How many top dimensions are itemised unless set otherwise. */
  public static final int DEFAULT_TOP_DIMENSION_COUNT = 8;

  /** The most top dimensions that can be itemised. */
  public static final int MAX_TOP_DIMENSION_COUNT = 32;

  /**
   * The narrowest vector cell, in user-space pixels, that expanded mode narrows its cells to when
   * it fits a narrow viewport: each dimension stays a cell of its own.
   */
  public static final int MIN_FITTED_CELL_WIDTH = NeuronLayout.MIN_CELL_WIDTH;

  /** Selection changes that only move the highlighted token, not the head shown. */
  private static final Set<Aspect> TOKEN_ASPECTS = Set.of(Aspect.HOVER, Aspect.LOCK, Aspect.CELL);

  private final SelectionControls selectors = new SelectionControls(true, true);
  private final ExpandedSwitch expandedSwitch = new ExpandedSwitch(this::setMode);
  private final NeuronSceneBuilder builder = new NeuronSceneBuilder();

  private final ViewProperty<NeuronMode> mode =
      property(MODE_PROPERTY, NeuronMode.EXPANDED, m -> rebuild());
  private final ViewProperty<Integer> topDimensionCount =
      property(TOP_DIMENSION_COUNT_PROPERTY, DEFAULT_TOP_DIMENSION_COUNT, c -> rebuild());
  private int pairKey = -1;
  private NeuronScene scene;

  /** Creates a neuron view with empty models of its own. */
  public NeuronView() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates a view of {@code model}'s data with {@code selection}, which it adapts to the data.
   *
   * @param model the data and display options, possibly shared
   * @param selection the selection, possibly shared
   */
  public NeuronView(AttentionViewModel model, AttentionSelectionModel selection) {
    super(model, selection);
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    row.setOpaque(false);
    row.add(bindControls(selectors));
    row.add(expandedSwitch.component());
    row.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(row);
    NeuronMouse.install(this);
    installKeys();
    describeAs(Messages.text("neuronView.name"), AttentionDescription::ofFocusedHead);
    start();
  }

  // ------------------------------------------------------------------ model events

  @Override
  protected void dataChanged() {
    int oldPairKey = pairKey;
    pairKey = -1;
    rebuild();
    firePropertyChange(PAIR_KEY_PROPERTY, oldPairKey, pairKey);
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    if (event != null && TOKEN_ASPECTS.containsAll(event.aspects())) {
      refreshScene();
    } else {
      rebuild();
    }
  }

  /** The colours and perhaps the font changed: measure again and rebuild the scene. */
  @Override
  protected void themeChanged() {
    if (scene != null) {
      builder.dropLayout();
      refreshScene();
    }
    super.themeChanged();
  }

  // ------------------------------------------------------------------ options

  /**
   * The mode: {@link NeuronMode#EXPANDED} (default) or {@link NeuronMode#COLLAPSED}.
   *
   * @return the mode; never null
   */
  public NeuronMode getMode() {
    return mode.get();
  }

  /**
   * Sets the mode. Expanded mode on data without vectors shows the collapsed picture under a
   * message that says why (the data has none, or word level dropped them).
   *
   * @param newMode the mode; not null
   */
  public void setMode(NeuronMode newMode) {
    mode.set(Objects.requireNonNull(newMode, "newMode"));
  }

  /**
   * Whether the shown head's data has query and key vectors, so expanded mode can be drawn.
   *
   * @return true if expanded mode can be drawn now
   */
  public boolean isExpandedAvailable() {
    return builder.slice() != null && builder.slice().hasVectors();
  }

  /**
   * How many top-contributing dimensions of the selected pair are outlined and listed.
   *
   * @return the number of dimensions, 0 to {@link #MAX_TOP_DIMENSION_COUNT}
   */
  public int getTopDimensionCount() {
    return topDimensionCount.get();
  }

  /**
   * Sets how many top-contributing dimensions are outlined and listed; 0 hides the list.
   *
   * @param count the number of dimensions
   * @throws IllegalArgumentException if not within 0 to {@link #MAX_TOP_DIMENSION_COUNT}
   */
  public void setTopDimensionCount(int count) {
    if (count < 0 || count > MAX_TOP_DIMENSION_COUNT) {
      throw new IllegalArgumentException(
          "top dimension count " + count + " is not within 0 to " + MAX_TOP_DIMENSION_COUNT);
    }
    topDimensionCount.set(count);
  }

  /**
   * The key token (data index) of the pair whose dimensions are itemised, or -1 (default) for the
   * key the selected query attends to most. A key that the filter hides or a causal model masks
   * falls back to the strongest one.
   *
   * @return the chosen key's data index, or -1
   */
  public int getPairKey() {
    return pairKey;
  }

  /**
   * Chooses the key token (data index) of the itemised pair; -1 for the strongest key.
   *
   * @param key a key's data index, or -1
   * @throws IllegalArgumentException if below -1
   */
  public void setPairKey(int key) {
    if (key < -1) {
      throw new IllegalArgumentException("pair key " + key + " must be a token index or -1");
    }
    changeProperty(
        PAIR_KEY_PROPERTY,
        pairKey,
        key,
        k -> {
          pairKey = k;
          refreshScene();
        });
  }

  /**
   * The layer, head, kind and filter selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  // ------------------------------------------------------------------ what is shown

  /**
   * The selected query token (data index) if it is shown, else empty.
   *
   * @return the query's data index, or empty
   */
  public OptionalInt selectedQuery() {
    return scene.selectedRow() < 0
        ? OptionalInt.empty()
        : OptionalInt.of(scene.slice().queryIndex(scene.selectedRow()));
  }

  /**
   * The key token (data index) of the pair whose dimensions are itemised, if any.
   *
   * @return the key's data index, or empty without a selected query
   */
  public OptionalInt shownPairKey() {
    return scene.pairColumn() < 0
        ? OptionalInt.empty()
        : OptionalInt.of(scene.slice().keyIndex(scene.pairColumn()));
  }

  /**
   * The top dimensions of the itemised pair, largest {@code |q[d]·k[d]|} first; may be empty.
   *
   * @return an unmodifiable list, largest first
   */
  public List<DimensionContribution> contributions() {
    return scene.contributions();
  }

  /**
   * The box of {@code token} in this component's coordinates, if it is shown: a query token's in
   * the left column, a key token's in the right one (the softmax column when expanded); empty
   * without data or when the pair filter hides the token. For hosts that place overlays, and for
   * tests.
   *
   * @param token a data token
   * @return the box, or empty
   */
  public Optional<Rectangle> tokenBounds(TokenRef token) {
    Objects.requireNonNull(token, "token");
    NeuronSlice slice = builder.slice();
    int row = slice == null ? -1 : slice.shown().positionOf(token);
    if (row < 0) {
      return Optional.empty();
    }
    Rectangle box =
        scene()
            .layout()
            .tokenBounds(token.isQuery() ? Column.QUERY_TOKENS : Column.KEY_TOKENS, row);
    box.translate(0, contentTop());
    return Optional.of(box);
  }

  /**
   * The message above the picture (no data, no vectors, a bad layer), if one is shown.
   *
   * @return the message, in the views' locale, or empty
   */
  public Optional<String> statusMessage() {
    return Optional.ofNullable(scene.message());
  }

  /**
   * The current scene, refitted first if the viewport's width changed since it was built: a resize
   * lays the view out again, but builds no new scene. For the mouse and tests.
   */
  NeuronScene scene() {
    NeuronScene refitted = builder.refit(scene, fittingViewportWidth());
    if (refitted != scene) {
      scene = refitted;
      repaint();
    }
    return scene;
  }

  /** The shared token-columns display drawing collapsed mode; null when expanded. */
  TokenColumnsDisplay columns() {
    return builder.columns(scene());
  }

  /** Shows {@code newScene}; revalidates if its size differs from the old one's. */
  void setScene(NeuronScene newScene) {
    Dimension oldSize = scene == null ? null : scene.layout().size();
    scene = Objects.requireNonNull(newScene, "newScene");
    if (!newScene.layout().size().equals(oldSize)) {
      revalidate();
    }
    repaint();
  }

  // ------------------------------------------------------------------ painting and export

  /**
   * The size of the picture as laid out now. While the cells narrow to fit a viewport, as wide as
   * the viewport (less a vertical scroll bar that does not show), so that the view fills it instead
   * of asking for more.
   */
  @Override
  protected Dimension contentSize() {
    NeuronScene current = scene();
    if (current == null) {
      return new Dimension(320, 60);
    }
    Dimension size = current.layout().size();
    if (!builder.isNatural(current.layout())) {
      size.width = Math.max(size.width, fittingViewportWidth());
    }
    return size;
  }

  /** The view narrows its content to fit its viewport, so it takes the viewport's width. */
  @Override
  protected boolean fitsViewportWidth() {
    return true;
  }

  @Override
  protected int scrollUnit() {
    return scene == null ? super.scrollUnit() : scene.layout().rowHeight();
  }

  @Override
  protected void paintContent(Graphics2D g) {
    NeuronScene current = scene();
    NeuronPainter.paint(g, current, builder.columns(current), g.getClipBounds());
    if (hasFocus()) {
      NeuronPainter.paintFocus(g, current, colors().selection());
    }
  }

  /** The weights of the head shown, cut by the pair filter, with the shown token labels. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    return Optional.ofNullable(builder.slice()).map(NeuronSlice::shownMatrix);
  }

  // ------------------------------------------------------------------ scene building

  /** Recuts the head shown, then redraws and brings the expanded switch in line. */
  private void rebuild() {
    builder.recut(shown(), getSelectionModel());
    refreshScene();
    expandedSwitch.show(getMode(), builder.slice(), getModel());
  }

  /** Rebuilds the scene from the current slice, selection and options, and shows it. */
  private void refreshScene() {
    setScene(
        builder.build(
            getModel(),
            getSelectionModel(),
            new NeuronSceneBuilder.Options(getMode(), getTopDimensionCount(), pairKey),
            colors(),
            fittingViewportWidth()));
  }

  // ------------------------------------------------------------------ interaction

  /** The token at a point of this component: a query row, or a key row (collapsed), or null. */
  @Override
  public TokenRef tokenAt(Point point) {
    return NeuronMouse.tokenAt(scene(), this, new Point(point.x, point.y - contentTop()));
  }

  @Override
  protected int tokenHead() {
    return getSelectionModel().focusHead();
  }

  /** A mouse event's point in content coordinates. */
  Point contentPointOf(MouseEvent e) {
    return contentPoint(e);
  }

  @Override
  public String getToolTipText(MouseEvent event) {
    NeuronScene current = scene();
    if (current == null) {
      return null;
    }
    Point point = contentPoint(event);
    return NeuronTooltips.text(current, current.layout().hitTest(point.x, point.y));
  }

  /** The views' key map ({@link ViewKeys}), and Shift+Up/Down for the itemised key. */
  private void installKeys() {
    ViewNavigation navigation =
        new ViewNavigation(this, this::shown, false)
            .onToken(
                token -> {
                  NeuronSlice slice = builder.slice();
                  if (scene != null && slice != null) {
                    scrollContentToVisible(scene.layout().rowBand(slice.shown().positionOf(token)));
                  }
                });
    Map<ViewKeys.Action, Runnable> actions = navigation.actions();
    actions.put(
        ViewKeys.Action.CLEAR,
        () -> {
          navigation.clear();
          setPairKey(-1);
        });
    ViewKeys.install(this, actions);
    bindKey("neuron.previousKey", () -> movePair(-1), InputEvent.SHIFT_DOWN_MASK, KeyEvent.VK_UP);
    bindKey("neuron.nextKey", () -> movePair(1), InputEvent.SHIFT_DOWN_MASK, KeyEvent.VK_DOWN);
  }

  /** Moves the itemised key to the next key the selected query can see. */
  private void movePair(int delta) {
    int column = scene.nextPairColumn(delta);
    if (column >= 0) {
      setPairKey(scene.slice().keyIndex(column));
      scrollContentToVisible(scene.layout().rowBand(column));
    }
  }
}
