package dev.attnviz.swing;

import java.awt.event.KeyEvent;

/** The keyboard bindings of the views, in one place so that they stay consistent. */
final class ViewKeys {

  private ViewKeys() {}

  /**
   * Up/Down: locked token; Left/Right: focused head; Space: toggle it; Enter: isolate it;
   * PageUp/PageDown and -/+: layer; Escape: unlock.
   */
  static void installHeadViewKeys(HeadView view) {
    bind(view, "previousToken", () -> view.moveToken(-1), KeyEvent.VK_UP);
    bind(view, "nextToken", () -> view.moveToken(1), KeyEvent.VK_DOWN);
    bind(view, "previousHead", () -> view.moveFocusHead(-1), KeyEvent.VK_LEFT);
    bind(view, "nextHead", () -> view.moveFocusHead(1), KeyEvent.VK_RIGHT);
    bind(view, "toggleHead", view::toggleFocusHead, KeyEvent.VK_SPACE);
    bind(view, "isolateHead", view::isolateFocusHead, KeyEvent.VK_ENTER);
    bind(
        view,
        "previousLayer",
        () -> view.moveLayer(-1),
        KeyEvent.VK_PAGE_UP,
        KeyEvent.VK_MINUS,
        KeyEvent.VK_SUBTRACT);
    bind(
        view,
        "nextLayer",
        () -> view.moveLayer(1),
        KeyEvent.VK_PAGE_DOWN,
        KeyEvent.VK_PLUS,
        KeyEvent.VK_EQUALS,
        KeyEvent.VK_ADD);
    bind(view, "unlock", () -> view.getSelectionModel().clearLockedToken(), KeyEvent.VK_ESCAPE);
  }

  /**
   * Arrows move the selected thumbnail (Up/Down: layer, Left/Right: head), PageUp/PageDown the
   * layer; Escape unlocks a token, or closes the detail if none is locked.
   */
  static void installModelViewKeys(ModelView view) {
    bind(view, "previousLayer", () -> view.moveCell(-1, 0), KeyEvent.VK_UP, KeyEvent.VK_PAGE_UP);
    bind(view, "nextLayer", () -> view.moveCell(1, 0), KeyEvent.VK_DOWN, KeyEvent.VK_PAGE_DOWN);
    bind(view, "previousHead", () -> view.moveCell(0, -1), KeyEvent.VK_LEFT);
    bind(view, "nextHead", () -> view.moveCell(0, 1), KeyEvent.VK_RIGHT);
    bind(view, "escape", view::escape, KeyEvent.VK_ESCAPE);
  }

  private static void bind(ViewWithControls view, String name, Runnable action, int... keys) {
    view.bindKey(name, action, 0, keys);
  }
}
