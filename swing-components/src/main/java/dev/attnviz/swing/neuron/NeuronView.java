package dev.attnviz.swing.neuron;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.SelectionControls;
import dev.attnviz.swing.ViewKeys;
import dev.attnviz.swing.ViewNavigation;
import dev.attnviz.swing.ViewWithControls;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.neuron.NeuronLayout.Hit;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.swing.JCheckBox;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

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
 */
public final class NeuronView extends AttentionView {

  /** The text shown when expanded mode is asked for but the data has no query and key vectors. */
  public static final String NO_VECTORS_MESSAGE = NeuronText.NO_VECTORS;

  /**
   * The text shown when expanded mode is asked for at word level ({@link
   * AttentionViewModel#setWordLevel}), which drops the query and key vectors.
   */
  public static final String WORD_LEVEL_MESSAGE = NeuronText.WORD_LEVEL_NO_VECTORS;

  /** The text shown in expanded mode while no query token is selected. */
  public static final String PLACEHOLDER_TEXT = NeuronText.PLACEHOLDER;

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

  private static final System.Logger LOG = System.getLogger(NeuronView.class.getName());

  /** Selection changes that only move the highlighted token, not the head shown. */
  private static final Set<Aspect> TOKEN_ASPECTS = Set.of(Aspect.HOVER, Aspect.LOCK, Aspect.CELL);

  private final SelectionControls selectors = new SelectionControls(true, true);
  private final JCheckBox expandedBox = new JCheckBox("Expanded");

  private NeuronMode mode = NeuronMode.EXPANDED;
  private int topDimensionCount = DEFAULT_TOP_DIMENSION_COUNT;
  private int pairKey = -1;

  private NeuronSlice slice;
  private String sliceError;
  private NeuronLayout layout;
  private NeuronLayout.Input layoutInput;
  private NeuronLayout fittedLayout;
  private int fittedWidth;
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
    expandedBox.setName("expanded");
    expandedBox.setOpaque(false);
    expandedBox.addActionListener(
        e -> setMode(expandedBox.isSelected() ? NeuronMode.EXPANDED : NeuronMode.COLLAPSED));
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    row.setOpaque(false);
    row.add(bindControls(selectors));
    row.add(expandedBox);
    row.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(row);
    installMouse();
    installKeys();
    describeAs("Neuron view", AttentionDescription::ofFocusedHead);
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
      layoutInput = null;
      refreshScene();
    }
    super.themeChanged();
  }

  // ------------------------------------------------------------------ options

  /** The mode: {@link NeuronMode#EXPANDED} (default) or {@link NeuronMode#COLLAPSED}. */
  public NeuronMode getMode() {
    return mode;
  }

  /**
   * Sets the mode. Expanded mode on data without vectors shows the collapsed picture under {@link
   * #NO_VECTORS_MESSAGE}.
   */
  public void setMode(NeuronMode newMode) {
    Objects.requireNonNull(newMode, "newMode");
    NeuronMode old = mode;
    if (newMode != old) {
      mode = newMode;
      firePropertyChange(MODE_PROPERTY, old, newMode);
      rebuild();
    }
  }

  /** Whether the shown head's data has query and key vectors, so expanded mode can be drawn. */
  public boolean isExpandedAvailable() {
    return slice != null && slice.hasVectors();
  }

  /** How many top-contributing dimensions of the selected pair are outlined and listed. */
  public int getTopDimensionCount() {
    return topDimensionCount;
  }

  /**
   * Sets how many top-contributing dimensions are outlined and listed; 0 hides the list.
   *
   * @throws IllegalArgumentException if not within 0 to {@link #MAX_TOP_DIMENSION_COUNT}
   */
  public void setTopDimensionCount(int count) {
    if (count < 0 || count > MAX_TOP_DIMENSION_COUNT) {
      throw new IllegalArgumentException(
          "top dimension count " + count + " is not within 0 to " + MAX_TOP_DIMENSION_COUNT);
    }
    int old = topDimensionCount;
    if (count != old) {
      topDimensionCount = count;
      firePropertyChange(TOP_DIMENSION_COUNT_PROPERTY, old, count);
      rebuild();
    }
  }

  /**
   * The key token (data index) of the pair whose dimensions are itemised, or -1 (default) for the
   * key the selected query attends to most. A key that the filter hides or a causal model masks
   * falls back to the strongest one.
   */
  public int getPairKey() {
    return pairKey;
  }

  /**
   * Chooses the key token (data index) of the itemised pair; -1 for the strongest key.
   *
   * @throws IllegalArgumentException if below -1
   */
  public void setPairKey(int key) {
    if (key < -1) {
      throw new IllegalArgumentException("pair key " + key + " must be a token index or -1");
    }
    int old = pairKey;
    if (key != old) {
      pairKey = key;
      firePropertyChange(PAIR_KEY_PROPERTY, old, key);
      refreshScene();
    }
  }

  /** The layer, head, kind and filter selectors. */
  public SelectionControls selectors() {
    return selectors;
  }

  // ------------------------------------------------------------------ what is shown

  /** The selected query token (data index) if it is shown, else empty. */
  public OptionalInt selectedQuery() {
    return scene.selectedRow() < 0
        ? OptionalInt.empty()
        : OptionalInt.of(slice.queryIndex(scene.selectedRow()));
  }

  /** The key token (data index) of the pair whose dimensions are itemised, if any. */
  public OptionalInt shownPairKey() {
    return scene.pairColumn() < 0
        ? OptionalInt.empty()
        : OptionalInt.of(slice.keyIndex(scene.pairColumn()));
  }

  /** The top dimensions of the itemised pair, largest {@code |q[d]·k[d]|} first; may be empty. */
  public List<DimensionContribution> contributions() {
    return scene.contributions();
  }

  /**
   * The box of {@code token} in this component's coordinates, if it is shown: a query token's in
   * the left column, a key token's in the right one (the softmax column when expanded); empty
   * without data or when the pair filter hides the token. For hosts that place overlays, and for
   * tests.
   */
  public Optional<Rectangle> tokenBounds(TokenRef token) {
    Objects.requireNonNull(token, "token");
    if (slice == null) {
      return Optional.empty();
    }
    int row = slice.shown().positionOf(token);
    if (row < 0) {
      return Optional.empty();
    }
    Rectangle box =
        fittedScene()
            .layout()
            .tokenBounds(token.isQuery() ? Column.QUERY_TOKENS : Column.KEY_TOKENS, row);
    box.translate(0, contentTop());
    return Optional.of(box);
  }

  /** The message above the picture (no data, no vectors, a bad layer), if one is shown. */
  public Optional<String> statusMessage() {
    return Optional.ofNullable(scene.message());
  }

  /** The current scene, for tests. */
  NeuronScene scene() {
    return fittedScene();
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
    NeuronScene current = fittedScene();
    if (current == null) {
      return new Dimension(320, 60);
    }
    Dimension size = current.layout().size();
    if (current.layout() != layout) {
      size.width = Math.max(size.width, fittingViewportWidth());
    }
    return size;
  }

  /**
   * In a viewport, the view takes the viewport's width whenever its picture fits it: always, unless
   * the viewport is too narrow even for the narrowest cells.
   */
  @Override
  public boolean getScrollableTracksViewportWidth() {
    Container parent = SwingUtilities.getUnwrappedParent(this);
    return parent instanceof JViewport && parent.getWidth() >= getPreferredSize().width;
  }

  @Override
  protected int scrollUnit() {
    return scene == null ? super.scrollUnit() : scene.layout().rowHeight();
  }

  @Override
  protected void paintContent(Graphics2D g) {
    NeuronPainter.paint(g, fittedScene(), g.getClipBounds());
    if (hasFocus()) {
      Dimension size = scene.layout().size();
      int inset = NeuronLayout.PAD / 2;
      FocusRing.paint(
          g,
          colors().selection(),
          new Rectangle(inset, inset, size.width - 2 * inset, size.height - 2 * inset));
    }
  }

  /** The weights of the head shown, cut by the pair filter, with the shown token labels. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    if (slice == null) {
      return Optional.empty();
    }
    float[] values = new float[slice.rowCount() * slice.columnCount()];
    for (int r = 0; r < slice.rowCount(); r++) {
      for (int c = 0; c < slice.columnCount(); c++) {
        values[r * slice.columnCount() + c] = slice.weight(r, c);
      }
    }
    AttentionKind kind = slice.attention().kind();
    String suffix = kind == AttentionKind.SELF ? "" : " (" + kind.id() + ")";
    return Optional.of(
        new ShownMatrix(
            "Layer " + slice.layer() + ", Head " + slice.head() + suffix,
            slice.queryLabels(),
            slice.keyLabels(),
            values));
  }

  // ------------------------------------------------------------------ scene building

  /** Recuts the head shown, then redraws and brings the controls in line. */
  private void rebuild() {
    slice = null;
    sliceError = null;
    ShownAttention shown = shown();
    if (shown != null) {
      AttentionSelectionModel selection = getSelectionModel();
      try {
        slice = NeuronSlice.of(shown, selection.layer(), selection.focusHead());
      } catch (IllegalArgumentException e) {
        // A host asked for a layer or head the data lacks: say so instead of drawing.
        sliceError = e.getMessage();
        LOG.log(System.Logger.Level.DEBUG, "neuron view cannot show the selection", e);
      }
    }
    refreshScene();
    refreshControls();
  }

  private void refreshControls() {
    expandedBox.setSelected(mode == NeuronMode.EXPANDED);
    expandedBox.setEnabled(slice != null);
    expandedBox.setToolTipText(
        slice == null || slice.hasVectors()
            ? "Show how the head computes its attention from queries and keys"
            : NeuronText.noVectors(getModel()));
  }

  /** Rebuilds the scene from the current slice, selection and options, and shows it. */
  private void refreshScene() {
    boolean expanded = mode == NeuronMode.EXPANDED && isExpandedAvailable();
    String message;
    if (!getModel().hasData()) {
      message = NeuronText.NO_DATA;
    } else if (sliceError != null) {
      message = sliceError;
    } else if (mode == NeuronMode.EXPANDED && slice != null && !slice.hasVectors()) {
      message = NeuronText.noVectors(getModel());
    } else {
      message = null;
    }
    AttentionSelectionModel selection = getSelectionModel();
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
      pair = pairColumn(row);
      if (pair >= 0 && topDimensionCount > 0) {
        top =
            DimensionContributions.top(
                slice.queryVector(row), slice.keyVector(pair), topDimensionCount);
      }
    }
    setScene(
        new NeuronScene(
            slice,
            layoutFor(expanded, message),
            colors(),
            message,
            row,
            column,
            locked,
            pair,
            top));
  }

  private int pairColumn(int row) {
    int chosen = pairKey < 0 ? -1 : slice.columnOf(pairKey);
    return chosen >= 0 && slice.visible(row, chosen) ? chosen : slice.strongestColumn(row);
  }

  /** The layout, recomputed only when what it depends on changed (not on hover). */
  private NeuronLayout layoutFor(boolean expanded, String message) {
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
      layout = NeuronLayout.compute(input, colors().text());
      fittedLayout = null;
    }
    return fittedLayout();
  }

  /**
   * The layout as drawn: the computed one, or one with narrower cells where that is what fits the
   * viewport; recomputed only when the layout or the viewport's width changed.
   */
  private NeuronLayout fittedLayout() {
    int width = fittingViewportWidth();
    if (fittedLayout == null || width != fittedWidth) {
      fittedLayout = layout.fittedTo(width, MIN_FITTED_CELL_WIDTH);
      fittedWidth = width;
    }
    return fittedLayout;
  }

  /**
   * The scene, refitted first if the viewport's width changed since it was built: a resize lays the
   * view out again, but builds no new scene.
   */
  private NeuronScene fittedScene() {
    if (scene != null && layout != null && scene.layout() != fittedLayout()) {
      scene = scene.withLayout(fittedLayout());
      repaint();
    }
    return scene;
  }

  // ------------------------------------------------------------------ interaction

  /** What lies at a point of this component, or null. */
  /** The token at a point of this component: a query row, or a key row (collapsed), or null. */
  @Override
  public TokenRef tokenAt(Point point) {
    if (slice == null || scene == null) {
      return null;
    }
    Hit hit = fittedScene().layout().hitTest(point.x, point.y - contentTop());
    if (hit == null) {
      return null;
    }
    if (isQueryColumn(hit.column())) {
      return slice.shown().tokenAt(TokenRef.Side.QUERY, hit.row());
    }
    return !scene.expanded() && hit.column() == Column.KEY_TOKENS
        ? slice.shown().tokenAt(TokenRef.Side.KEY, hit.row())
        : null;
  }

  @Override
  protected int tokenHead() {
    return getSelectionModel().focusHead();
  }

  private Hit hitAt(MouseEvent e) {
    Point point = contentPoint(e);
    return scene == null ? null : fittedScene().layout().hitTest(point.x, point.y);
  }

  private void installMouse() {
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            hover(contentPoint(e), hitAt(e));
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            mouseMoved(e);
          }

          @Override
          public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            if (e.getButton() == MouseEvent.BUTTON1) {
              click(hitAt(e));
            }
          }

          @Override
          public void mouseExited(MouseEvent e) {
            getSelectionModel().setHoveredToken(null);
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  private void hover(Point point, Hit hit) {
    if (slice == null) {
      return;
    }
    AttentionSelectionModel selection = getSelectionModel();
    NeuronLayout geometry = scene.layout();
    if (hit != null && isQueryColumn(hit.column())) {
      selection.setHoveredToken(slice.shown().tokenAt(TokenRef.Side.QUERY, hit.row()));
    } else if (!geometry.expanded()) {
      selection.setHoveredToken(
          hit != null && hit.column() == Column.KEY_TOKENS
              ? slice.shown().tokenAt(TokenRef.Side.KEY, hit.row())
              : null);
    } else if (point.x < geometry.x(Column.QUERY) + geometry.width(Column.QUERY)) {
      // Off the tokens on the left: nothing is hovered. To the right the hover stays, so that
      // the mouse can travel along the computation of the hovered token and read its tooltips.
      selection.setHoveredToken(null);
    }
  }

  private void click(Hit hit) {
    if (slice == null || hit == null) {
      return;
    }
    AttentionSelectionModel selection = getSelectionModel();
    if (isQueryColumn(hit.column())) {
      selection.toggleLockedToken(slice.shown().tokenAt(TokenRef.Side.QUERY, hit.row()));
    } else if (!scene.expanded()) {
      if (hit.column() == Column.KEY_TOKENS) {
        selection.toggleLockedToken(slice.shown().tokenAt(TokenRef.Side.KEY, hit.row()));
      }
    } else if (hit.column() != Column.CONTRIBUTIONS && scene.hasSelectedRow()) {
      int key = slice.keyIndex(hit.row());
      setPairKey(key == pairKey ? -1 : key);
    }
  }

  private static boolean isQueryColumn(Column column) {
    return column == Column.QUERY_TOKENS || column == Column.QUERY;
  }

  @Override
  public String getToolTipText(MouseEvent event) {
    return scene == null ? null : NeuronTooltips.text(scene, hitAt(event));
  }

  /** The views' key map ({@link ViewKeys}), and Shift+Up/Down for the itemised key. */
  private void installKeys() {
    ViewNavigation navigation =
        new ViewNavigation(this, this::shown, false)
            .onToken(
                token -> {
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
    int row = scene.selectedRow();
    if (!scene.expanded() || row < 0 || scene.pairColumn() < 0) {
      return;
    }
    for (int c = scene.pairColumn() + delta; c >= 0 && c < slice.columnCount(); c += delta) {
      if (slice.visible(row, c)) {
        setPairKey(slice.keyIndex(c));
        scrollContentToVisible(scene.layout().rowBand(c));
        return;
      }
    }
  }
}
