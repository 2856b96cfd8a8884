package dev.attnviz.swing.analysis;

import dev.attnviz.swing.internal.Messages;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;

/**
 * The rollout view's "Rollout after layer" selector: one entry per layer, the last named "(all
 * layers)" and chosen as {@link RolloutView#FINAL_LAYER}, so that it stays the full rollout for
 * deeper models. Tells its owner what the user chose, never what {@link #show} set.
 */
final class DepthBox {

  private final JComboBox<Integer> box = new JComboBox<>();
  private boolean showing;

  /** A selector that passes the user's choice (a layer or FINAL_LAYER) to {@code chosen}. */
  DepthBox(IntConsumer chosen) {
    box.setName("depth");
    box.setRenderer(ComboLabels.renderer(this::label));
    box.addActionListener(
        e -> {
          if (!showing && box.getSelectedItem() instanceof Integer layer) {
            chosen.accept(layer == box.getItemCount() - 1 ? RolloutView.FINAL_LAYER : layer);
          }
        });
  }

  /** The combo box. */
  JComboBox<Integer> component() {
    return box;
  }

  /** Offers {@code layers} entries (none: disabled) with {@code depth} selected (−1: none). */
  void show(int layers, int depth) {
    showing = true;
    try {
      if (box.getItemCount() != layers) {
        box.setModel(
            new DefaultComboBoxModel<>(IntStream.range(0, layers).boxed().toArray(Integer[]::new)));
      }
      box.setSelectedItem(depth < 0 ? null : depth);
      box.setEnabled(layers > 0);
    } finally {
      showing = false;
    }
  }

  /** Shows depths as "0", ..., "11 (all layers)". */
  private Object label(Object value) {
    return value instanceof Integer layer && layer == box.getItemCount() - 1
        ? Messages.format("rollout.allLayers", layer)
        : value;
  }
}
