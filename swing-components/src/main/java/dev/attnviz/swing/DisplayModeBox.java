package dev.attnviz.swing;

import dev.attnviz.swing.render.TokenColumnsDisplay;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.swing.JComboBox;

/**
 * The display mode of a view that draws lines or a heatmap (the head view, the rollout), and the
 * "Show:" selector that chooses it: one place for the value, the combo box that follows it and the
 * {@link TokenColumnsDisplay} strategy it stands for. The view hears of each change once, with the
 * old and the new mode, to relayout and fire its {@value #PROPERTY} property. Use on the Event
 * Dispatch Thread.
 */
public final class DisplayModeBox {

  /** The bound property name views fire a change of the mode under. */
  public static final String PROPERTY = "displayMode";

  private final JComboBox<DisplayMode> box = new JComboBox<>(DisplayMode.values());
  private final BiConsumer<DisplayMode, DisplayMode> changed;
  private DisplayMode mode;

  /**
   * A selector showing {@code initial} that tells {@code changed} (old mode, new mode) of every
   * change, whether chosen in the combo box or {@linkplain #setMode set} from code.
   *
   * @param initial the mode shown first
   * @param changed told of each change, with the old and the new mode
   */
  public DisplayModeBox(DisplayMode initial, BiConsumer<DisplayMode, DisplayMode> changed) {
    this.mode = Objects.requireNonNull(initial, "initial");
    this.changed = Objects.requireNonNull(changed, "changed");
    box.setName(PROPERTY);
    box.setSelectedItem(initial);
    box.addActionListener(e -> setMode((DisplayMode) box.getSelectedItem()));
  }

  /**
   * The mode.
   *
   * @return the mode shown; never null
   */
  public DisplayMode mode() {
    return mode;
  }

  /**
   * Changes the mode; the combo box follows and the view hears of it, if it differs.
   *
   * @param newMode the mode; not null
   */
  public void setMode(DisplayMode newMode) {
    Objects.requireNonNull(newMode, "newMode");
    DisplayMode old = mode;
    if (old != newMode) {
      mode = newMode;
      box.setSelectedItem(newMode);
      changed.accept(old, newMode);
    }
  }

  /**
   * The token-columns display's strategy for the mode.
   *
   * @return lines for {@link DisplayMode#LINES}, heatmap for {@link DisplayMode#HEATMAP}
   */
  public TokenColumnsDisplay.Strategy strategy() {
    return mode == DisplayMode.HEATMAP
        ? TokenColumnsDisplay.Strategy.HEATMAP
        : TokenColumnsDisplay.Strategy.LINES;
  }

  /**
   * The combo box, for the view's controls.
   *
   * @return the combo box
   */
  public JComboBox<DisplayMode> component() {
    return box;
  }
}
