package dev.attnviz.swing;

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
    PREVIOUS_TOKEN("Previous token (locks it)", KeyEvent.VK_UP),
    /** The next token on the selected side, locked. */
    NEXT_TOKEN("Next token (locks it)", KeyEvent.VK_DOWN),
    /** The previous shown head becomes the focused head. */
    PREVIOUS_HEAD("Previous head", KeyEvent.VK_LEFT),
    /** The next shown head becomes the focused head. */
    NEXT_HEAD("Next head", KeyEvent.VK_RIGHT),
    /** The focused head on or off. */
    TOGGLE_HEAD("Turn the focused head on or off", KeyEvent.VK_SPACE),
    /** The focused head alone, or every head again. */
    ISOLATE_HEAD("Show the focused head alone, or all heads again", KeyEvent.VK_ENTER),
    /** The previous shown layer. */
    PREVIOUS_LAYER("Previous layer", KeyEvent.VK_PAGE_UP, KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT),
    /** The next shown layer. */
    NEXT_LAYER(
        "Next layer", KeyEvent.VK_PAGE_DOWN, KeyEvent.VK_PLUS, KeyEvent.VK_EQUALS, KeyEvent.VK_ADD),
    /** Unlocks the locked token, or else closes the selected cell. */
    CLEAR("Unlock the token; again: close the model view's detail", KeyEvent.VK_ESCAPE);

    private final String description;
    private final int[] keys;

    Action(String description, int... keys) {
      this.description = description;
      this.keys = keys;
    }

    /** What the action does, for a help text. */
    public String description() {
      return description;
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

  private static final List<Extra> EXTRAS =
      List.of(
          new Extra(
              "Neuron view",
              KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.SHIFT_DOWN_MASK),
              "Previous key of the itemised pair"),
          new Extra(
              "Neuron view",
              KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.SHIFT_DOWN_MASK),
              "Next key of the itemised pair"));

  private ViewKeys() {}

  /** Every shared action, in the order a help text lists them. */
  public static List<Action> bindings() {
    return List.of(Action.values());
  }

  /** The keys that only one view has. */
  public static List<Extra> extras() {
    return EXTRAS;
  }

  /**
   * Binds each action of {@code actions} to its keys while {@code view} has the focus; actions not
   * in the map stay unbound in that view.
   */
  public static void install(ViewWithControls view, Map<Action, Runnable> actions) {
    actions.forEach((action, run) -> view.bindKey(action.actionName(), run, 0, action.keys));
  }
}
