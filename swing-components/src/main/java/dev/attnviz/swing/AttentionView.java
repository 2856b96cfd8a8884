package dev.attnviz.swing;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.accessibility.ViewDescriber;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenPlaces;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.ToolTipManager;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

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
 */
public abstract class AttentionView extends ViewWithControls implements ExportableView {

  private final ChangeListener modelListener = e -> onModelChange();
  private final ChangeListener selectionListener = this::onSelectionChange;
  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private ShownAttention shown;
  private boolean shownValid;
  private TokenRef paintedSelection;
  private boolean disposed;
  private final List<SelectionControls> boundControls = new ArrayList<>();
  private String accessibleViewName = Messages.text("attentionView.name");
  private ViewDescriber describer = AttentionDescription::of;

  /** Creates a view bound to the given models. */
  protected AttentionView(AttentionViewModel model, AttentionSelectionModel selection) {
    this.model = Objects.requireNonNull(model, "model");
    this.selection = Objects.requireNonNull(selection, "selection");
    model.addChangeListener(modelListener);
    selection.addChangeListener(selectionListener);
    model.attach(selection);
    installHitEvents();
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
    if (disposed) {
      return;
    }
    disposed = true;
    model.removeChangeListener(modelListener);
    selection.removeChangeListener(selectionListener);
    model.detach(selection);
    ToolTipManager.sharedInstance().unregisterComponent(this);
    modelsReplaced();
    disposeView();
  }

  /** Whether {@link #dispose()} was called. */
  public boolean isDisposed() {
    return disposed;
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
   * @return {@code controls}
   */
  protected final SelectionControls bindControls(SelectionControls controls) {
    boundControls.add(controls);
    controls.bind(model, selection);
    return controls;
  }

  /** The models were replaced: rebinds the controls. Subclasses rebind what else they bound. */
  protected void modelsReplaced() {
    for (SelectionControls controls : boundControls) {
      controls.bind(disposed ? null : model, disposed ? null : selection);
    }
  }

  /**
   * Changes a bound property: when {@code value} differs from {@code old}, {@code apply} stores it
   * and does what follows from it (relayout, repaint), then listeners hear of the change under
   * {@code name}. One place for the shape every option setter of the views shares.
   *
   * @return whether the value changed
   */
  protected final <T> boolean changeProperty(
      String name, T old, T value, Consumer<? super T> apply) {
    if (Objects.equals(old, value)) {
      return false;
    }
    apply.accept(value);
    firePropertyChange(name, old, value);
    return true;
  }

  /**
   * A bound property of this view holding its value: {@link ViewProperty#set} compares, stores,
   * lets {@code changed} do what follows (relayout, repaint) and fires the change under {@code
   * name}.
   */
  protected final <T> ViewProperty<T> property(
      String name, T initial, Consumer<? super T> changed) {
    return new ViewProperty<>(name, initial, changed, this::changeProperty);
  }

  /** The data model. */
  public AttentionViewModel getModel() {
    return model;
  }

  /** Shows another data model; unhooks the old one. Bound property {@code "model"}. */
  public void setModel(AttentionViewModel newModel) {
    Objects.requireNonNull(newModel, "newModel");
    AttentionViewModel old = model;
    if (old != newModel) {
      old.removeChangeListener(modelListener);
      old.detach(selection);
      model = newModel;
      newModel.addChangeListener(modelListener);
      newModel.attach(selection);
      modelsReplaced();
      onModelChange();
      firePropertyChange("model", old, newModel);
    }
  }

  /** The selection model. */
  public AttentionSelectionModel getSelectionModel() {
    return selection;
  }

  /**
   * Uses another selection model, e.g. one shared with other views; unhooks the old one. Bound
   * property {@code "selectionModel"}.
   */
  public void setSelectionModel(AttentionSelectionModel newSelection) {
    Objects.requireNonNull(newSelection, "newSelection");
    AttentionSelectionModel old = selection;
    if (old != newSelection) {
      old.removeChangeListener(selectionListener);
      model.detach(old);
      selection = newSelection;
      newSelection.addChangeListener(selectionListener);
      model.attach(newSelection);
      modelsReplaced();
      onModelChange();
      firePropertyChange("selectionModel", old, newSelection);
    }
  }

  /**
   * The data this view shows: the model's {@link AttentionViewModel#displayData() display data},
   * with special tokens hidden or words joined as its options say; null without data. Views read
   * this (or {@link #shown()}, built from it), never the model's raw data.
   */
  protected final AttentionData displayData() {
    return model.displayData();
  }

  /**
   * What is at {@code point} of this component: a token, a grid cell, or nothing. Token indexes are
   * the data's. By default the {@link #tokenAt} token, shown for the selected layer.
   */
  public ViewHit hitAt(Point point) {
    TokenRef token = tokenAt(point);
    return token == null ? ViewHit.NONE : ViewHit.token(token, selection.layer(), tokenHead());
  }

  /** The head a token hit is shown for: −1 (several) unless the view shows one head. */
  protected int tokenHead() {
    return -1;
  }

  /** The token at {@code point} of this component (a data index), or null. */
  public TokenRef tokenAt(Point point) {
    return null;
  }

  /** The layer × head cell at {@code point} of this component, or null. */
  public final LayerHead cellAt(Point point) {
    return hitAt(point).cell();
  }

  /** Tells {@code listener} what the mouse hovers and clicks in this view. */
  public void addViewMouseListener(ViewMouseListener listener) {
    listenerList.add(ViewMouseListener.class, Objects.requireNonNull(listener, "listener"));
  }

  /** Stops telling {@code listener}. */
  public void removeViewMouseListener(ViewMouseListener listener) {
    listenerList.remove(ViewMouseListener.class, listener);
  }

  private void installHitEvents() {
    ViewHitEvents.install(this, () -> listenerList.getListeners(ViewMouseListener.class));
  }

  /** What is shown now, or null without data. Recomputed lazily after a change. */
  protected final ShownAttention shown() {
    if (!shownValid) {
      shown = ShownAttention.of(model, selection).orElse(null);
      shownValid = true;
    }
    return shown;
  }

  /**
   * Makes the mouse select tokens as in the head view: hovering a token sets the hovered token,
   * leaving the view clears it, a left click locks the token (or unlocks it) and takes the keyboard
   * focus.
   *
   * @param tokenAt the token at a point of this component, or null
   */
  protected final void installTokenMouse(Function<Point, TokenRef> tokenAt) {
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            selection.setHoveredToken(tokenAt.apply(e.getPoint()));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            selection.setHoveredToken(null);
          }

          @Override
          public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            TokenRef token = tokenAt.apply(e.getPoint());
            if (token != null && e.getButton() == MouseEvent.BUTTON1) {
              selection.toggleLockedToken(token);
            }
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  /**
   * The box of {@code token} in this component's coordinates, given where the content's tokens are
   * ({@code places}, in content coordinates; null while nothing is shown); empty if not shown.
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
    paintedSelection = selection.selectedToken();
  }

  /**
   * After a change of the hovered or locked token, repaints only the areas {@code areaOf} gives
   * (content coordinates, null for nothing) for the token selected before, the one selected now,
   * and the locked one (whose border may change while the selected token stays).
   */
  protected final void repaintTokenSelection(Function<TokenRef, Rectangle> areaOf) {
    TokenRef before = paintedSelection;
    markSelectionPainted();
    for (TokenRef token : Arrays.asList(before, paintedSelection, selection.lockedToken())) {
      if (token != null) {
        repaintContent(areaOf.apply(token));
      }
    }
  }

  private void onModelChange() {
    shownValid = false;
    dataChanged();
    contentDescriptionChanged();
  }

  private void onSelectionChange(ChangeEvent event) {
    SelectionEvent change = event instanceof SelectionEvent e ? e : null;
    if (change == null
        || !EnumSet.of(SelectionEvent.Aspect.HOVER, SelectionEvent.Aspect.LOCK)
            .containsAll(change.aspects())) {
      shownValid = false;
    }
    selectionChanged(change);
    contentDescriptionChanged();
  }

  /**
   * Names the view for assistive technology (e.g. "Head view") and says how it describes what it
   * shows; without this call a view is an "Attention view" described by {@link
   * AttentionDescription#of} (layer, active heads, the locked token and where it attends most).
   */
  protected final void describeAs(String name, ViewDescriber description) {
    accessibleViewName = Objects.requireNonNull(name, "name");
    describer = Objects.requireNonNull(description, "description");
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

  private String describeContent() {
    ShownAttention now = shown();
    return now == null ? AttentionDescription.noData() : describer.describe(now, selection);
  }

  /** Fires the description change if someone asked for the accessible context. */
  private void contentDescriptionChanged() {
    if (accessibleContext instanceof AccessibleAttentionView context) {
      context.refreshDescription();
    }
  }

  /** The accessible context of a view: a panel whose description follows what is shown. */
  protected class AccessibleAttentionView extends AccessibleJComponent {

    private static final long serialVersionUID = 1L;

    private String lastDescription;

    /** Creates the context. */
    protected AccessibleAttentionView() {}

    @Override
    public AccessibleRole getAccessibleRole() {
      return AccessibleRole.PANEL;
    }

    @Override
    public String getAccessibleName() {
      String name = super.getAccessibleName();
      return name != null ? name : accessibleViewName;
    }

    @Override
    public String getAccessibleDescription() {
      if (accessibleDescription != null) {
        return accessibleDescription;
      }
      lastDescription = describeContent();
      return lastDescription;
    }

    private void refreshDescription() {
      if (accessibleDescription == null && lastDescription != null) {
        String old = lastDescription;
        lastDescription = describeContent();
        if (!old.equals(lastDescription)) {
          firePropertyChange(ACCESSIBLE_DESCRIPTION_PROPERTY, old, lastDescription);
        }
      }
    }
  }

  /**
   * The data, its options or the whole selection changed: drop caches, refresh controls, revalidate
   * and repaint.
   */
  protected abstract void dataChanged();

  /** The selection changed. {@code event} says which aspects changed; null means "assume all". */
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
    if (background == ExportBackground.THEME) {
      ExportPainting.paint(g, colors().background(), exportSize(), this::paintForExport);
    } else {
      Color fill = background == ExportBackground.WHITE ? Color.WHITE : null;
      paintWith(
          colors().onPaper(),
          () -> ExportPainting.paint(g, fill, exportSize(), this::paintForExport));
    }
  }

  /** Paints the content for export; by default as on screen. */
  protected void paintForExport(Graphics2D g) {
    paintContent(g);
  }
}
