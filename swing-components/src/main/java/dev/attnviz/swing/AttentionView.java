package dev.attnviz.swing;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.accessibility.ViewDescriber;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenPlaces;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.ToolTipManager;

/**
 * A view of attention data: a {@link ViewWithControls} bound to an {@link AttentionViewModel} (data
 * and display options) and an {@link AttentionSelectionModel} (what the user looks at), which
 * several views may share. {@link #setModel} and {@link #setSelectionModel} unhook the old model's
 * listener and hook the new one; both are bound properties ({@code "model"}, {@code
 * "selectionModel"}). The view binds its selection model to its data model ({@link
 * AttentionViewModel#attach}), which keeps the selection consistent with the data; the view only
 * listens and repaints. {@link #dispose()} lets go of both models, so that a closed view can be
 * collected while the models live on.
 *
 * <p>Subclasses react in {@link #dataChanged()} and {@link #selectionChanged(SelectionEvent)}, and
 * get what to draw from {@link #shown()} or {@link #displayData()}: the data as the model's display
 * options (hidden special tokens, word level) transform it. Export paints the content from (0, 0)
 * at any scale. Use on the Event Dispatch Thread.
 *
 * @serial exclude
 */
public abstract class AttentionView extends ViewWithControls implements ExportableView {

  private final ModelBinding models;
  private TokenRef paintedSelection;
  private final ViewDescription description = new ViewDescription();

  /**
   * Creates a view bound to the given models.
   *
   * @param model the data and display options; not null
   * @param selection the selection, possibly shared with other views; not null
   */
  protected AttentionView(AttentionViewModel model, AttentionSelectionModel selection) {
    models =
        new ModelBinding(
            model, selection, this::dataChanged, this::selectionChanged, this::contentDescribed);
    models.hook();
    ViewHitEvents.install(this, () -> listenerList.getListeners(ViewMouseListener.class));
  }

  /**
   * Finishes construction once subclass fields exist: fits the selection to the data. Subclass
   * constructors call it last.
   */
  protected final void start() {
    dataChanged();
  }

  /**
   * Lets go of the models: removes this view's listeners from them and unbinds the selection from
   * the data model (if no other view binds the pair). The view shows nothing afterwards and can be
   * garbage-collected while the shared models live on. Call it when the view is closed for good;
   * calling it again does nothing.
   */
  public void dispose() {
    if (models.isReleased()) {
      return;
    }
    models.release();
    ToolTipManager.sharedInstance().unregisterComponent(this);
    modelsReplaced();
    disposeView();
  }

  /**
   * Whether {@link #dispose()} was called.
   *
   * @return true once the view has let go of its models
   */
  public boolean isDisposed() {
    return models.isReleased();
  }

  /**
   * Lets go of what a subclass hooked on the models beyond its {@linkplain #bindControls bound
   * controls}, which are unbound already.
   */
  protected void disposeView() {}

  /**
   * Binds {@code controls} to this view's models now and whenever they are replaced, and unbinds
   * them on {@link #dispose()}; the controls then follow the models themselves.
   *
   * @param controls the controls to bind
   * @return {@code controls}
   */
  protected final SelectionControls bindControls(SelectionControls controls) {
    models.bind(controls);
    return controls;
  }

  /** The models were replaced: rebinds the controls. Subclasses rebind what else they bound. */
  protected void modelsReplaced() {
    models.rebindControls();
  }

  /**
   * Changes a bound property: when {@code value} differs from {@code old}, {@code apply} stores it
   * and does what follows from it (relayout, repaint), then listeners hear of the change under
   * {@code name}. One place for the shape every option setter of the views shares.
   *
   * @param <T> the property's type
   * @param name the bound property's name
   * @param old the value now
   * @param value the new value
   * @param apply stores the new value and updates the view
   * @return whether the value changed
   */
  protected final <T> boolean changeProperty(
      String name, T old, T value, Consumer<? super T> apply) {
    return ViewProperty.change(name, old, value, apply, this::firePropertyChange);
  }

  /**
   * A bound property of this view holding its value: {@link ViewProperty#set} compares, stores,
   * lets {@code changed} do what follows (relayout, repaint) and fires the change under {@code
   * name}.
   *
   * @param <T> the property's type
   * @param name the bound property's name
   * @param initial the value to start with
   * @param changed updates the view after a change, given the new value
   * @return the property
   */
  protected final <T> ViewProperty<T> property(
      String name, T initial, Consumer<? super T> changed) {
    return new ViewProperty<>(name, initial, changed, this::changeProperty);
  }

  /**
   * The data model.
   *
   * @return the data model; never null
   */
  public AttentionViewModel getModel() {
    return models.model();
  }

  /**
   * Shows another data model; unhooks the old one. Bound property {@code "model"}.
   *
   * @param newModel the data model; not null
   */
  public void setModel(AttentionViewModel newModel) {
    Objects.requireNonNull(newModel, "newModel");
    replaceModels("model", models.model(), newModel, () -> models.replaceModel(newModel));
  }

  /**
   * The selection model.
   *
   * @return the selection model; never null
   */
  public AttentionSelectionModel getSelectionModel() {
    return models.selection();
  }

  /**
   * Uses another selection model, e.g. one shared with other views; unhooks the old one. Bound
   * property {@code "selectionModel"}.
   *
   * @param newSelection the selection model; not null
   */
  public void setSelectionModel(AttentionSelectionModel newSelection) {
    Objects.requireNonNull(newSelection, "newSelection");
    replaceModels(
        "selectionModel",
        models.selection(),
        newSelection,
        () -> models.replaceSelection(newSelection));
  }

  /**
   * Swaps a model for {@code now} if it differs from {@code old}, then all follows the new pair.
   */
  private <M> void replaceModels(String property, M old, M now, Runnable swap) {
    if (old != now) {
      swap.run();
      modelsReplaced();
      models.onModelChange();
      firePropertyChange(property, old, now);
    }
  }

  /**
   * The data this view shows: the model's {@link AttentionViewModel#displayData() display data},
   * with special tokens hidden or words joined as its options say; null without data. Views read
   * this (or {@link #shown()}, built from it), never the model's raw data.
   *
   * @return the display data, or null
   */
  protected final AttentionData displayData() {
    return models.model().displayData();
  }

  /**
   * What is at {@code point} of this component: a token, a grid cell, or nothing. Token indexes are
   * the data's. By default the {@link #tokenAt} token, shown for the selected layer.
   *
   * @param point a point in this component's coordinates
   * @return the hit; {@link ViewHit#NONE} over nothing
   */
  public ViewHit hitAt(Point point) {
    TokenRef token = tokenAt(point);
    return token == null
        ? ViewHit.NONE
        : ViewHit.token(token, models.selection().layer(), tokenHead());
  }

  /**
   * The head a token hit is shown for: −1 (several) unless the view shows one head.
   *
   * @return the head index, 0-based, or −1
   */
  protected int tokenHead() {
    return -1;
  }

  /**
   * The token at {@code point} of this component (a data index), or null.
   *
   * @param point a point in this component's coordinates
   * @return the data token, or null
   */
  public TokenRef tokenAt(Point point) {
    return null;
  }

  /**
   * The layer × head cell at {@code point} of this component, or null.
   *
   * @param point a point in this component's coordinates
   * @return the cell, original indexes, or null (views without a grid have none)
   */
  public final LayerHead cellAt(Point point) {
    return hitAt(point).cell();
  }

  /**
   * Tells {@code listener} what the mouse hovers and clicks in this view.
   *
   * @param listener the listener; not null
   */
  public void addViewMouseListener(ViewMouseListener listener) {
    listenerList.add(ViewMouseListener.class, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Stops telling {@code listener}.
   *
   * @param listener the listener to remove; unknown listeners are ignored
   */
  public void removeViewMouseListener(ViewMouseListener listener) {
    listenerList.remove(ViewMouseListener.class, listener);
  }

  /**
   * What is shown now, or null without data. Recomputed lazily after a change.
   *
   * @return the shown attention, or null
   */
  protected final ShownAttention shown() {
    return models.shown();
  }

  /**
   * Makes the mouse select tokens as in the head view: hovering a token sets the hovered token,
   * leaving the view clears it, a left click locks the token (or unlocks it) and takes the keyboard
   * focus.
   *
   * @param tokenAt the token at a point of this component, or null
   */
  protected final void installTokenMouse(Function<Point, TokenRef> tokenAt) {
    TokenMouse.install(this, models::selection, tokenAt);
  }

  /**
   * The box of {@code token} in this component's coordinates, given where the content's tokens are
   * ({@code places}, in content coordinates; null while nothing is shown); empty if not shown.
   *
   * @param places where the tokens are, or null
   * @param token a data token
   * @return the box, or empty
   */
  protected final Optional<Rectangle> tokenBoundsIn(TokenPlaces places, TokenRef token) {
    Rectangle box = places == null ? null : places.box(token);
    if (box == null) {
      return Optional.empty();
    }
    box.translate(0, contentTop());
    return Optional.of(box);
  }

  /**
   * The token at {@code point} of this component, given where the content's tokens are ({@code
   * places}, in content coordinates; null while nothing is shown); null if none is there.
   *
   * @param places where the tokens are, or null
   * @param point a point in this component's coordinates
   * @return the data token, or null
   */
  protected final TokenRef tokenAtIn(TokenPlaces places, Point point) {
    return places == null ? null : places.tokenAt(point.x, point.y - contentTop());
  }

  /**
   * After a change that moves things (data, options, layer): the whole view is laid out and painted
   * again, so the selected token on screen will be the current one.
   */
  protected final void relayout() {
    markSelectionPainted();
    revalidate();
    repaint();
  }

  /** Records that the current selected token is what the screen shows (after a full repaint). */
  protected final void markSelectionPainted() {
    paintedSelection = models.selection().selectedToken();
  }

  /**
   * After a change of the hovered or locked token, repaints only the areas {@code areaOf} gives
   * (content coordinates, null for nothing) for the token selected before, the one selected now,
   * and the locked one (whose border may change while the selected token stays).
   *
   * @param areaOf the area to repaint for a token, in content coordinates, or null
   */
  protected final void repaintTokenSelection(Function<TokenRef, Rectangle> areaOf) {
    TokenRef before = paintedSelection;
    markSelectionPainted();
    TokenRef locked = models.selection().lockedToken();
    for (TokenRef token : Arrays.asList(before, paintedSelection, locked)) {
      if (token != null) {
        repaintContent(areaOf.apply(token));
      }
    }
  }

  /**
   * Names the view for assistive technology (e.g. "Head view") and says how it describes what it
   * shows; without this call a view is an "Attention view" described by {@link
   * AttentionDescription#of} (layer, active heads, the locked token and where it attends most).
   *
   * @param name the accessible name, in the views' locale
   * @param description makes the accessible description from what is shown
   */
  protected final void describeAs(String name, ViewDescriber description) {
    this.description.set(name, description);
  }

  /**
   * The view's accessible context: role {@link AccessibleRole#PANEL}, the host's accessible name or
   * else the view's own (e.g. "Head view"), and the host's accessible description or else what the
   * view shows in words (see {@link #describeAs}), which follows the data and the selection: a
   * change fires {@link AccessibleContext#ACCESSIBLE_DESCRIPTION_PROPERTY}. Its children are the
   * controls.
   */
  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext = new AccessibleAttentionView();
    }
    return accessibleContext;
  }

  /**
   * What is shown changed: fires the description change if the accessible context was asked for.
   */
  private void contentDescribed() {
    if (accessibleContext instanceof AccessibleAttentionView context) {
      context.refreshDescription();
    }
  }

  /**
   * The accessible context of a view: a panel whose description follows what is shown.
   *
   * @serial exclude
   */
  protected class AccessibleAttentionView extends AccessibleJComponent {

    private static final long serialVersionUID = 1L;

    /** Creates the context. */
    protected AccessibleAttentionView() {}

    @Override
    public AccessibleRole getAccessibleRole() {
      return AccessibleRole.PANEL;
    }

    @Override
    public String getAccessibleName() {
      String name = super.getAccessibleName();
      return name != null ? name : description.name();
    }

    @Override
    public String getAccessibleDescription() {
      if (accessibleDescription != null) {
        return accessibleDescription;
      }
      return description.describe(shown(), getSelectionModel());
    }

    private void refreshDescription() {
      if (accessibleDescription == null) {
        description.refresh(
            AttentionView.this::shown,
            getSelectionModel(),
            (old, now) -> firePropertyChange(ACCESSIBLE_DESCRIPTION_PROPERTY, old, now));
      }
    }
  }

  /**
   * The data, its options or the whole selection changed: drop caches, refresh controls, revalidate
   * and repaint.
   */
  protected abstract void dataChanged();

  /**
   * The selection changed. {@code event} says which aspects changed; null means "assume all".
   *
   * @param event the aspects that changed, or null
   */
  protected abstract void selectionChanged(SelectionEvent event);

  /** The shown matrix, if the view shows one. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    return Optional.empty();
  }

  /** The size of the whole picture {@link #paintExport} draws: the content. */
  @Override
  public Dimension exportSize() {
    return contentSize();
  }

  /**
   * Paints the whole content, with the current selection, from (0, 0), as on screen.
   *
   * @param g where to paint
   */
  @Override
  public void paintExport(Graphics2D g) {
    paintExport(g, ExportBackground.THEME);
  }

  /**
   * Paints the whole content, with the current selection, from (0, 0) on {@code background}: on
   * white or transparent in light colours ({@link dev.attnviz.swing.render.ViewColors#onPaper()}),
   * on the theme's background as on screen.
   *
   * @param g where to paint
   * @param background what to paint on
   */
  @Override
  public void paintExport(Graphics2D g, ExportBackground background) {
    ExportPainting.paint(
        g, background, colors(), this::exportSize, this::paintWith, this::paintForExport);
  }

  /**
   * Paints the content for export; by default as on screen.
   *
   * @param g the export graphics, (0, 0) at the content's top-left
   */
  protected void paintForExport(Graphics2D g) {
    paintContent(g);
  }
}
