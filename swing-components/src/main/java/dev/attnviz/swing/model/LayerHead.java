package dev.attnviz.swing.model;

/**
 * One attention head, by its original (not display) indexes.
 *
 * @param layer the layer index
 * @param head the head index within the layer
 */
public record LayerHead(int layer, int head) {

  /**
   * Checks the indexes.
   *
   * @param layer the layer index, 0-based
   * @param head the head index, 0-based
   * @throws IllegalArgumentException if an index is negative
   */
  public LayerHead {
    if (layer < 0 || head < 0) {
      throw new IllegalArgumentException("layer " + layer + " / head " + head + " is negative");
    }
  }

  @Override
  public String toString() {
    return "Layer " + layer + ", Head " + head;
  }
}
