package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.KeyStroke;

/**
 * The one key map of the views: every view binds the same keys to the same kind of step, and the
 * demo's Help → Keyboard shortcuts dialog is made from {@link #bindings()}. A view binds the
 * actions that mean something in it ({@link #install}); what a step does is {@link
 * ViewNavigation}'s.
 */
public final class ViewKeys {

  /** What a key does in a view. */
  public enum Action {
    /** The previous token on the selected side, locked. */
    PREVIOUS_TOKEN(KeyEvent.VK_UP),
    /** The next token on the selected side, locked. */
    NEXT_TOKEN(KeyEvent.VK_DOWN),
    /** The previous shown head becomes the focused head. */
    PREVIOUS_HEAD(KeyEvent.VK_LEFT),
    /** The next shown head becomes the focused head. */
    NEXT_HEAD(KeyEvent.VK_RIGHT),
    /** The focused head on or off. */
    TOGGLE_HEAD(KeyEvent.VK_SPACE),
    /** The focused head alone, or every head again. */
    ISOLATE_HEAD(KeyEvent.VK_ENTER),
    /** The previous shown layer. */
    PREVIOUS_LAYER(KeyEvent.VK_PAGE_UP, KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT),
    /** The next shown layer. */
    NEXT_LAYER(KeyEvent.VK_PAGE_DOWN, KeyEvent.VK_PLUS, KeyEvent.VK_EQUALS, KeyEvent.VK_ADD),
    /** Unlocks the locked token, or else closes the selected cell. */
    CLEAR(KeyEvent.VK_ESCAPE);

    private final int[] keys;

    Action(int... keys) {
      this.keys = keys;
    }

    /** What the action does, for a help text. */
    public String description() {
      return Messages.text(
          switch (this) {
            case PREVIOUS_TOKEN -> "keys.previousToken";
            case NEXT_TOKEN -> "keys.nextToken";
            case PREVIOUS_HEAD -> "keys.previousHead";
            case NEXT_HEAD -> "keys.nextHead";
            case TOGGLE_HEAD -> "keys.toggleHead";
            case ISOLATE_HEAD -> "keys.isolateHead";
            case PREVIOUS_LAYER -> "keys.previousLayer";
            case NEXT_LAYER -> "keys.nextLayer";
            case CLEAR -> "keys.clear";
          });
    }

    /** The keys (without modifiers) bound to it. */
    public List<KeyStroke> keys() {
      return Arrays.stream(keys).mapToObj(k -> KeyStroke.getKeyStroke(k, 0)).toList();
    }

    /** The keys as a user reads them, e.g. "Page Up, Minus". */
    public String keyText() {
      return Arrays.stream(keys).mapToObj(KeyEvent::getKeyText).collect(Collectors.joining(", "));
    }

    /** The action-map name, e.g. {@code "attnviz.nextLayer"}. */
    String actionName() {
      String[] words = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder camel = new StringBuilder("attnviz.").append(words[0]);
      for (int i = 1; i < words.length; i++) {
        camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return camel.toString();
    }
  }

  /** A key of a single view, beside the shared map (e.g. the neuron view's Shift+arrows). */
  public record Extra(String view, KeyStroke key, String description) {}

  private ViewKeys() {}

  /** Every shared action, in the order a help text lists them. */
  public static List<Action> bindings() {
    return List.of(Action.values());
  }

  /** The keys that only one view has. */
  public static List<Extra> extras() {
    // Built on each call: the texts follow the views' locale.
    String neuronView = Messages.text("neuronView.name");
    return List.of(
        new Extra(
            neuronView,
            KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.SHIFT_DOWN_MASK),
            Messages.text("keys.previousPairKey")),
        new Extra(
            neuronView,
            KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.SHIFT_DOWN_MASK),
            Messages.text("keys.nextPairKey")));
  }

  /**
   * Binds each action of {@code actions} to its keys while {@code view} has the focus; actions not
   * in the map stay unbound in that view.
   */
  public static void install(ViewWithControls view, Map<Action, Runnable> actions) {
    actions.forEach((action, run) -> view.bindKey(action.actionName(), run, 0, action.keys));
  }
}
