package dev.attnviz.swing;

import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.accessibility.ViewDescriber;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.render.ShownAttention;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a view tells assistive technology: its name (e.g. "Head view") and what it shows in words,
 * made by its {@link ViewDescriber} from what is shown and the selection. Remembers the description
 * last handed out, so that a change can be announced, and only once someone has asked. Use on the
 * Event Dispatch Thread.
 */
final class ViewDescription {

  private String name = Messages.text("attentionView.name");
  private ViewDescriber describer = AttentionDescription::of;
  private String last;

  /** Names the view and says how it describes what it shows. */
  void set(String viewName, ViewDescriber description) {
    name = Objects.requireNonNull(viewName, "name");
    describer = Objects.requireNonNull(description, "description");
  }

  /** The view's own accessible name. */
  String name() {
    return name;
  }

  /** Describes {@code shown} (null: no data) under {@code selection}, and remembers it. */
  String describe(ShownAttention shown, AttentionSelectionModel selection) {
    last = shown == null ? AttentionDescription.noData() : describer.describe(shown, selection);
    return last;
  }

  /**
   * If a description was handed out, describes {@code shown} again and, if that differs, tells
   * {@code changed} the old and the new one.
   */
  void refresh(
      Supplier<ShownAttention> shown,
      AttentionSelectionModel selection,
      BiConsumer<String, String> changed) {
    if (last != null) {
      String old = last;
      if (!old.equals(describe(shown.get(), selection))) {
        changed.accept(old, last);
      }
    }
  }
}
