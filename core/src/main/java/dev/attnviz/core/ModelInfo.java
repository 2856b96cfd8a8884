package dev.attnviz.core;

import java.util.Objects;

/**
 * What produced an attention result.
 *
 * @param name the model's name, e.g. {@code "bert-base-uncased"}; not blank
 * @param backend the provider or tool that computed it, e.g. {@code "tensorflow"}, {@code "djl"},
 *     {@code "numpy"}; not blank
 * @param causal whether the model is decoder-only, so query {@code i} never attends to keys after
 *     {@code i}
 */
public record ModelInfo(String name, String backend, boolean causal) {

  /**
   * Checks the fields.
   *
   * @param name the model's name; not blank
   * @param backend the provider or tool that computed it; not blank
   * @param causal whether the model is decoder-only
   * @throws IllegalArgumentException if name or backend is blank
   */
  public ModelInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    if (name.isBlank()) {
      throw new IllegalArgumentException("model name is blank");
    }
    if (backend.isBlank()) {
      throw new IllegalArgumentException("backend name is blank");
    }
  }
}
