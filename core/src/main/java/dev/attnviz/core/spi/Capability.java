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
  CUSTOM_MODELS,
  /**
   * Computes encoder, decoder and cross attention of an encoder-decoder model, with a target text
   * for the decoder ({@link AttentionRequest#target()}).
   */
  ENCODER_DECODER,
  /**
   * Generates tokens greedily before computing attention ({@link AttentionRequest#maxNewTokens()}).
   */
  GENERATION
}
