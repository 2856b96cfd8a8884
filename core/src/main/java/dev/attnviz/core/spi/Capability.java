package dev.attnviz.core.spi;

/** Something a provider can do beyond computing attention weights for one sentence. */
public enum Capability {
  /** Returns query and key vectors for the neuron view when asked. */
  QUERY_KEY_VECTORS,
  /** Accepts a second sentence (text B) and reports where it starts. */
  SENTENCE_PAIRS,
  /** Can truncate input that is too long instead of rejecting it. */
  TRUNCATION,
  /** Can open a model from a user-chosen path, not only its embedded default. */
  CUSTOM_MODELS
}
