package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The selection models bound to one view model, with how many views bound each, and how each adapts
 * when the view model changes: fitted to the data, the view model's default layer and heads applied
 * where the change calls for them, a layer or cell that is no longer shown replaced, each in one
 * selection event. Use on the Event Dispatch Thread.
 */
final class BoundSelections {

  private final AttentionViewModel owner;
  private final Map<AttentionSelectionModel, Integer> attached = new LinkedHashMap<>();

  /** The selections bound to {@code owner}. */
  BoundSelections(AttentionViewModel owner) {
    this.owner = owner;
  }

  /** Binds {@code selection} once more; the first binding fits it at once. */
  void attach(AttentionSelectionModel selection) {
    Objects.requireNonNull(selection, "selection");
    Integer count = attached.merge(selection, 1, Integer::sum);
    if (count == 1) {
      selection.bounds().add(owner);
      adapt(selection, ModelChange.ATTACH);
    }
  }

  /** Undoes one {@link #attach}; the last one unbinds the selection. */
  void detach(AttentionSelectionModel selection) {
    Integer count = attached.computeIfPresent(selection, (s, n) -> n == 1 ? null : n - 1);
    if (count == null) {
      selection.bounds().remove(owner);
    }
  }

  /** Number of selection models bound. */
  int size() {
    return attached.size();
  }

  /** Fits every bound selection to the view model after {@code change}. */
  void adaptAll(ModelChange change) {
    for (AttentionSelectionModel selection : List.copyOf(attached.keySet())) {
      adapt(selection, change);
    }
  }

  /** Fits {@code selection} to the view model after {@code change}, in one selection event. */
  private void adapt(AttentionSelectionModel selection, ModelChange change) {
    selection.batch(
        () -> {
          selection.bounds().refit(selection, change == ModelChange.DATA);
          AttentionData data = owner.data();
          if (data == null) {
            return;
          }
          Attention attention = data.attention(selection.kind());
          int[] layers = owner.visibleLayers(attention.layerCount());
          if (change != ModelChange.OPTIONS && change != ModelChange.OTHER) {
            applyDefaults(selection, attention, layers);
          }
          if (Arrays.binarySearch(layers, selection.layer()) < 0) {
            selection.setLayer(layers[0]);
          }
          LayerHead cell = selection.selectedCell();
          if (cell != null
              && (Arrays.binarySearch(layers, cell.layer()) < 0
                  || Arrays.binarySearch(owner.visibleHeads(attention.headCount()), cell.head())
                      < 0)) {
            selection.setSelectedCell(null);
          }
        });
  }

  private void applyDefaults(AttentionSelectionModel selection, Attention attention, int[] layers) {
    OptionalInt defaultLayer = owner.defaultLayer();
    if (defaultLayer.isPresent() && Arrays.binarySearch(layers, defaultLayer.getAsInt()) >= 0) {
      selection.setLayer(defaultLayer.getAsInt());
    }
    int[] defaultHeads = owner.defaultHeads();
    if (defaultHeads != null) {
      BitSet heads = new BitSet();
      Arrays.stream(defaultHeads).filter(h -> h < attention.headCount()).forEach(heads::set);
      if (!heads.isEmpty()) {
        selection.setActiveHeads(heads.cardinality() == attention.headCount() ? null : heads);
        selection.setFocusHead(heads.nextSetBit(0));
      }
    }
  }
}
