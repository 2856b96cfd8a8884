package dev.attnviz.swing.accessibility;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.render.ShownAttention;

/**
 * Says in words what a view shows, for its accessible description; see {@link AttentionDescription}
 * for the usual sentences. Called on the Event Dispatch Thread.
 */
@FunctionalInterface
public interface ViewDescriber {

  /**
   * The description of what is shown.
   *
   * @return one or more sentences, in the views' locale
   * @param shown what the view shows (never null: a view without data says so itself)
   * @param selection the view's selection model
   */
  String describe(ShownAttention shown, AttentionSelectionModel selection);
}
