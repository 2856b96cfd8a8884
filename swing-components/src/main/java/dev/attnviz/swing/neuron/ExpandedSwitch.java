package dev.attnviz.swing.neuron;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionViewModel;
import java.util.function.Consumer;
import javax.swing.JCheckBox;

/**
 * The neuron view's "Expanded" check box: switches the mode, and follows the mode and whether the
 * head shown has query and key vectors (its tooltip says why not). Use on the Event Dispatch
 * Thread.
 */
final class ExpandedSwitch {

  private final JCheckBox box = new JCheckBox(Messages.text("neuron.expanded"));

  /** A switch that hands the mode the user chose to {@code setMode}. */
  ExpandedSwitch(Consumer<NeuronMode> setMode) {
    box.setName("expanded");
    box.setOpaque(false);
    box.addActionListener(
        e -> setMode.accept(box.isSelected() ? NeuronMode.EXPANDED : NeuronMode.COLLAPSED));
  }

  /** The check box. */
  JCheckBox component() {
    return box;
  }

  /** Shows {@code mode}; enabled while a head ({@code slice}, null for none) is shown. */
  void show(NeuronMode mode, NeuronSlice slice, AttentionViewModel model) {
    box.setSelected(mode == NeuronMode.EXPANDED);
    box.setEnabled(slice != null);
    box.setToolTipText(
        slice == null || slice.hasVectors()
            ? Messages.text("neuron.expandedTooltip")
            : NeuronText.noVectors(model));
  }
}
