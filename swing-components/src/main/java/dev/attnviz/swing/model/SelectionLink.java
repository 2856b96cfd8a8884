package dev.attnviz.swing.model;

import dev.attnviz.swing.model.SelectionEvent.Aspect;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

/**
 * Keeps two selection models on the same layer, active heads and focused head, both ways, while
 * each keeps its own tokens, attention kind, sentence filter and selected cell. For views of other
 * inputs beside the main ones, such as a comparison: the layer and heads the user studies carry
 * over, but "the third token" is another word in another input, so a locked token must not.
 *
 * <p>Use on the Event Dispatch Thread, like the selection models. {@link #close()} unlinks.
 */
public final class SelectionLink implements AutoCloseable {

  private static final Set<Aspect> SHARED =
      EnumSet.of(Aspect.LAYER, Aspect.HEADS, Aspect.FOCUS_HEAD);

  private final AttentionSelectionModel first;
  private final AttentionSelectionModel second;
  private final ChangeListener fromFirst;
  private final ChangeListener fromSecond;
  private boolean copying;

  private SelectionLink(AttentionSelectionModel first, AttentionSelectionModel second) {
    this.first = first;
    this.second = second;
    this.fromFirst = e -> copyIfShared(e, first, second);
    this.fromSecond = e -> copyIfShared(e, second, first);
  }

  /**
   * Links the layer, active heads and focused head of two selection models; {@code second} takes
   * {@code first}'s values at once.
   *
   * @param first the model whose values win at the start
   * @param second the model linked to it; not {@code first}
   * @return the link, to {@link #close()} it later
   * @throws IllegalArgumentException if both are the same model
   */
  public static SelectionLink layerAndHeads(
      AttentionSelectionModel first, AttentionSelectionModel second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first == second) {
      throw new IllegalArgumentException("a selection model cannot be linked to itself");
    }
    SelectionLink link = new SelectionLink(first, second);
    link.copy(first, second);
    first.addChangeListener(link.fromFirst);
    second.addChangeListener(link.fromSecond);
    return link;
  }

  private void copyIfShared(
      ChangeEvent event, AttentionSelectionModel from, AttentionSelectionModel to) {
    if (event instanceof SelectionEvent change
        && change.aspects().stream().noneMatch(SHARED::contains)) {
      return;
    }
    copy(from, to);
  }

  private void copy(AttentionSelectionModel from, AttentionSelectionModel to) {
    // The copy's own event comes back through the other listener; it must not copy back midway.
    if (copying) {
      return;
    }
    copying = true;
    try {
      // The other side may show a model with fewer layers or heads: copy what it has.
      int layers = to.layerCount().orElse(Integer.MAX_VALUE);
      int heads = to.headCount().orElse(Integer.MAX_VALUE);
      to.batch(
          () -> {
            to.setLayer(Math.min(from.layer(), layers - 1));
            to.setFocusHead(Math.min(from.focusHead(), heads - 1));
            BitSet active = from.chosenHeads().map(h -> h.get(0, heads)).orElse(null);
            to.setActiveHeads(active == null || active.isEmpty() ? null : active);
          });
    } finally {
      copying = false;
    }
  }

  /** Stops linking; both models keep their current values. */
  @Override
  public void close() {
    first.removeChangeListener(fromFirst);
    second.removeChangeListener(fromSecond);
  }
}
