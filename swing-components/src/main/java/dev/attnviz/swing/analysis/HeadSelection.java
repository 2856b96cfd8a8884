package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.LayerHead;

/** Making every view that shares a selection model look at one head. */
final class HeadSelection {

  private HeadSelection() {}

  /**
   * Selects head {@code head} of layer {@code layer} of {@code kind}, in one event: the kind, then
   * {@link AttentionSelectionModel#jumpToHead}, so that every view looks at that head. Selecting
   * the selected head again changes nothing: unlike a model-view click, it does not close the
   * detail.
   */
  static void select(AttentionSelectionModel selection, AttentionKind kind, int layer, int head) {
    selection.batch(
        () -> {
          selection.setKind(kind);
          selection.jumpToHead(new LayerHead(layer, head));
        });
  }

  /**
   * Whether {@code selection} looks at head {@code head} of layer {@code layer} of {@code kind}.
   */
  static boolean isSelected(
      AttentionSelectionModel selection, AttentionKind kind, int layer, int head) {
    return selection.kind() == kind && selection.layer() == layer && selection.focusHead() == head;
  }
}
