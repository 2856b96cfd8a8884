package dev.attnviz.swing.neuron;

/** How a {@link NeuronView} draws its head. */
public enum NeuronMode {
  /** Lines from query tokens to key tokens, opacity = weight, like the head view for one head. */
  COLLAPSED,
  /**
   * The computation: query and key vectors, their elementwise products, the scaled dot products and
   * the softmax weights. Needs data with query and key vectors.
   */
  EXPANDED
}
