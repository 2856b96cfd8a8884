package dev.attnviz.swing.testing;

import java.awt.Component;
import java.awt.Container;
import javax.swing.JComponent;

/** Finds a view's controls by their component names, as the views set them. */
public final class Named {

  private Named() {}

  /** The component named {@code name} inside {@code root}, depth first; fails if there is none. */
  public static JComponent in(Container root, String name) {
    JComponent found = search(root, name);
    if (found == null) {
      throw new AssertionError("no component named " + name);
    }
    return found;
  }

  private static JComponent search(Container root, String name) {
    for (Component child : root.getComponents()) {
      if (name.equals(child.getName())) {
        return (JComponent) child;
      }
      if (child instanceof Container container) {
        JComponent found = search(container, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
