package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.AttentionView;
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
import dev.attnviz.swing.render.TokenPlaces;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.swing.JCheckBox;

/**
 * Two attention results side by side and their difference: for the bias use case ("The doctor asked
 * the nurse a question. She" against "… He"), or two models or backends on the same input. Three
 * heatmaps of the chosen layer and head (or the mean of all heads): A, B, and {@code A − B} on a
 * diverging scale, the theme's positive colour where A attends more, its negative colour where B
 * does, the background at 0, symmetric around 0 up to the largest absolute difference shown (the
 * legend gives it). Both inputs' tokens are shown. Inputs whose tokens do not align (different
 * counts) are shown side by side, each its own size, with a sentence saying why no difference is
 * drawn ({@link #differenceNote()}); models of different sizes are compared where both have the
 * layer and head.
 *
 * <p>The layer, focused head, kind, filter and token selection are those of the {@link
 * AttentionSelectionModel}, which may be shared with other views. The inputs live in models of the
 * view's own ({@link #getModel()} holds A and the display options, which apply to both), set with
 * {@link #setPair}; {@link #setModel} is not supported. Hovering a token or cell highlights its row
 * (or column) in all three heatmaps, a click locks it; tooltips give A, B and the difference. Bound
 * properties: {@code "meanOfHeads"}, {@code "pair"} (after {@link #setPair}). Export: all three
 * heatmaps as PNG or SVG, the difference as CSV.
 *
 * <p>Use on the Event Dispatch Thread.
 *
 * @serial exclude
 */
public class ComparisonView extends AttentionView {

  /** The three heatmaps. */
  public enum Panel {
    /** Input A. */
    A,
    /** Input B. */
    B,
    /** The difference A − B. */
    DIFFERENCE
  }

  private final AttentionViewModel modelB = new AttentionViewModel();

  /** A's display data with both inputs' token texts, for the difference heatmap's labels. */
  private final AttentionViewModel labelModel = new AttentionViewModel();

  private final SelectionControls selectors =
      new SelectionControls(
          EnumSet.of(Part.LAYER, Part.HEAD, Part.KIND, Part.FILTER, Part.DISPLAY_OPTIONS));
  private final JCheckBox meanBox = new JCheckBox(Messages.text("compare.meanOfHeads"));
  private String labelA = "A";
  private String labelB = "B";
  private boolean meanOfHeads;
  private ComparisonScene scene;

  /** The three heatmaps, each the shared token-columns display in its heatmap strategy. */
  private final TokenColumnsDisplay[] panels = ComparisonScene.displays(Panel.values().length);

  /** Creates a comparison view with a selection model of its own. */
  public ComparisonView() {
    this(new AttentionSelectionModel());
  }

  /**
   * Creates a comparison view.
   *
   * @param selection the selection (layer, head, kind, tokens), possibly shared with other views
   */
  public ComparisonView(AttentionSelectionModel selection) {
    super(new AttentionViewModel(), selection);
    labelModel.setPrettifyTokens(false);
    meanBox.setName("meanOfHeads");
    meanBox.setOpaque(false);
    meanBox.setToolTipText(Messages.text("compare.meanOfHeadsTooltip"));
    meanBox.addActionListener(e -> setMeanOfHeads(meanBox.isSelected()));
    selectors.addToSelectorRow(meanBox);
    selectors.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(bindControls(selectors));
    installTokenMouse(this::tokenAt);
    ViewKeys.install(
        this,
        new ViewNavigation(this, this::shown, false)
            .onToken(token -> tokenBounds(Panel.A, token).ifPresent(this::scrollRectToVisible))
            .actions());
    describeAs(
        Messages.text("compareView.name"),
        (shown, s) ->
            Messages.format(
                "compare.describe",
                meanOfHeads
                    ? AttentionDescription.ofIncludedHeads(shown, s)
                    : AttentionDescription.ofFocusedHead(shown, s)));
    start();
  }

  // ---- inputs and options ----

  /**
   * Compares {@code a} with {@code b}. Both should come from models of the same layers and heads,
   * for inputs with the same number of tokens (else the view says what differs).
   *
   * @param a input A
   * @param labelA a short name for A, e.g. its text
   * @param b input B
   * @param labelB a short name for B
   */
  public void setPair(AttentionData a, String labelA, AttentionData b, String labelB) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    this.labelA = Objects.requireNonNull(labelA, "labelA");
    this.labelB = Objects.requireNonNull(labelB, "labelB");
    AttentionData oldA = getModel().data();
    // B first: A's change event makes the view redraw both.
    modelB.setData(b);
    getModel().setData(a);
    if (oldA == a) {
      // Only B changed, and B's model has no view listening: redraw here.
      dataChanged();
    }
    firePropertyChange("pair", null, List.of(labelA, labelB));
  }

  /** Shows nothing. */
  public void clearPair() {
    modelB.setData(null);
    getModel().setData(null);
    firePropertyChange("pair", null, List.of());
  }

  /**
   * Input A, if set.
   *
   * @return input A's data, or empty
   */
  public Optional<AttentionData> dataA() {
    return Optional.ofNullable(getModel().data());
  }

  /**
   * Input B, if set.
   *
   * @return input B's data, or empty
   */
  public Optional<AttentionData> dataB() {
    return Optional.ofNullable(modelB.data());
  }

  /**
   * The name of input A.
   *
   * @return A's label, "A" until a pair is set
   */
  public String labelA() {
    return labelA;
  }

  /**
   * The name of input B.
   *
   * @return B's label, "B" until a pair is set
   */
  public String labelB() {
    return labelB;
  }

  /**
   * Not supported: the view keeps its inputs in models of its own.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void setModel(AttentionViewModel newModel) {
    throw new UnsupportedOperationException(
        "the comparison view keeps its inputs in its own models; call setPair(a, labelA, b, labelB)");
  }

  /**
   * Whether the mean of all heads of the layer is compared instead of the focused head (bound
   * property {@code "meanOfHeads"}; default false).
   *
   * @return true if the mean of heads is compared
   */
  public boolean isMeanOfHeads() {
    return meanOfHeads;
  }

  /**
   * Compares the mean of all heads, or the focused head.
   *
   * @param mean true for the mean of all heads, false for the focused head
   */
  public void setMeanOfHeads(boolean mean) {
    boolean old = meanOfHeads;
    if (old != mean) {
      meanOfHeads = mean;
      meanBox.setSelected(mean);
      selectors.headSelector().setEnabled(!mean);
      invalidateScene();
      firePropertyChange("meanOfHeads", old, mean);
    }
  }

  /**
   * The layer, head, kind, filter and display-option selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  /**
   * Why no comparison is shown (nothing to compare, a layer B lacks...), if it is not.
   *
   * @return the message, in the views' locale, or empty while a comparison is shown
   */
  public Optional<String> message() {
    return Optional.ofNullable(scene().message());
  }

  /**
   * Why A and B are shown without their difference (tokens that do not align), if they are.
   *
   * @return the sentence shown below the two heatmaps, or empty when the difference is drawn
   */
  public Optional<String> differenceNote() {
    return Optional.ofNullable(scene().note());
  }

  // ---- model events ----

  @Override
  protected void dataChanged() {
    AttentionViewModel modelA = getModel();
    modelB.setHideSpecialTokens(modelA.isHideSpecialTokens());
    modelB.setWordLevel(modelA.isWordLevel());
    modelB.setPrettifyTokens(modelA.isPrettifyTokens());
    labelModel.setData(
        ComparisonText.labelData(modelA.displayData(), modelB.displayData(), modelA));
    invalidateScene();
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    if (event != null && EnumSet.of(Aspect.HOVER, Aspect.LOCK).containsAll(event.aspects())) {
      repaint();
      return;
    }
    invalidateScene();
  }

  @Override
  protected void themeChanged() {
    invalidateScene();
  }

  private void invalidateScene() {
    scene = null;
    revalidate();
    repaint();
  }

  // ---- what is shown ----

  private ComparisonScene scene() {
    if (scene == null) {
      scene =
          ComparisonScene.compute(
              getModel(), modelB, labelModel, getSelectionModel(), meanOfHeads, colors(), panels);
    }
    return scene;
  }

  /** The layout of {@code panel}, or empty while a message is shown. */
  private Optional<MatrixLayout> layout(Panel panel) {
    ComparisonScene current = scene();
    return current.layouts() == null || panel.ordinal() >= current.layouts().length
        ? Optional.empty()
        : Optional.of(current.layouts()[panel.ordinal()]);
  }

  /**
   * The bounds of cell ({@code row}, {@code column}) of {@code panel} in this component.
   *
   * @param panel A, B or the difference
   * @param row a display row
   * @param column a display column
   * @return the bounds, or empty if nothing is shown
   */
  public Optional<Rectangle> cellBounds(Panel panel, int row, int column) {
    return layout(panel)
        .map(
            layout -> {
              Rectangle cell = layout.cell(row, column);
              cell.translate(0, contentTop());
              return cell;
            });
  }

  /**
   * The bounds of {@code token}'s label in {@code panel}, in this component, if shown.
   *
   * @param panel A, B or the difference
   * @param token a data token
   * @return the bounds, or empty
   */
  public Optional<Rectangle> tokenBounds(Panel panel, TokenRef token) {
    return tokenBoundsIn(tokenPlaces(panel).orElse(null), token);
  }

  /** What {@code panel} shows (its tokens and labels), or empty while a message is shown. */
  Optional<ShownAttention> shownIn(Panel panel) {
    return layout(panel).map(layout -> scene().shown()[panel.ordinal()]);
  }

  /** Where the tokens of {@code panel} are, or empty while a message is shown. */
  private Optional<TokenPlaces> tokenPlaces(Panel panel) {
    return layout(panel).map(layout -> panels[panel.ordinal()].places());
  }

  /** Where a point of this component falls: a panel and a cell or label, or null. */
  private record Place(Panel panel, MatrixLayout.Hit hit) {}

  private Place placeAt(Point point) {
    ComparisonScene current = scene();
    if (current.layouts() == null) {
      return null;
    }
    for (int p = 0; p < current.layouts().length; p++) {
      Panel panel = Panel.values()[p];
      MatrixLayout.Hit hit = current.layouts()[p].hitTest(point.x, point.y - contentTop());
      if (hit != null) {
        return new Place(panel, hit);
      }
    }
    return null;
  }

  /** The token at a point (a cell counts as its query, as in the head view), or null. */
  @Override
  protected int tokenHead() {
    return meanOfHeads ? -1 : getSelectionModel().focusHead();
  }

  @Override
  public TokenRef tokenAt(Point point) {
    Place place = placeAt(point);
    return place == null ? null : tokenAtIn(tokenPlaces(place.panel()).orElseThrow(), point);
  }

  /** The picture of what is shown now. */
  private ComparisonPicture picture() {
    return new ComparisonPicture(
        colors(), scene(), labelA, labelB, this::headline, this::messageLines);
  }

  @Override
  protected Dimension contentSize() {
    return picture().size();
  }

  private List<String> messageLines(String message) {
    return ComparisonText.messageLines(
        dataA().orElse(null), labelA, dataB().orElse(null), labelB, message);
  }

  private String headline() {
    return headline(Messages.locale());
  }

  /** The headline in {@code locale}: {@link Locale#ROOT} (English) for the exported matrix. */
  private String headline(Locale locale) {
    AttentionSelectionModel selection = getSelectionModel();
    Attention attention = scene().shown()[0].attention();
    String kind = attention.kind().id();
    return meanOfHeads
        ? Messages.format(
            locale,
            "compare.headlineMean",
            selection.layer(),
            getModel().visibleHeads(attention.headCount()).length,
            kind)
        : Messages.format(
            locale, "compare.headline", selection.layer(), selection.focusHead(), kind);
  }

  // ---- painting ----

  @Override
  protected void paintContent(Graphics2D g) {
    picture().paint(g, panels, getSelectionModel());
    if (scene().layouts() != null) {
      markSelectionPainted();
    }
  }

  // ---- export ----

  /** The difference A − B as shown, with both inputs' token texts. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    ComparisonScene current = scene();
    if (current.layouts() == null || current.note() != null) {
      return Optional.empty();
    }
    ShownAttention labels = current.shown()[2];
    return Optional.of(
        new ShownMatrix(
            headline(Locale.ROOT) + ": " + labelA + " \u2212 " + labelB,
            labels.rowLabels(),
            labels.columnLabels(),
            current.comparison().difference()));
  }

  // ---- mouse and tooltips ----

  @Override
  public String getToolTipText(MouseEvent e) {
    Place place = placeAt(e.getPoint());
    if (place == null || !place.hit().isCell()) {
      return null;
    }
    ComparisonScene current = scene();
    if (current.note() != null) {
      return ComparisonText.sideTooltip(
          current.shown(), current.comparison(), headline(), place.panel(), place.hit());
    }
    return ComparisonText.cellTooltip(
        current.shown(), current.comparison(), headline(), place.hit().row(), place.hit().column());
  }
}
