package dev.attnviz.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which attention of a model a matrix set describes. Encoder-only and decoder-only models have
 * {@link #SELF}; encoder-decoder models have {@link #ENCODER}, {@link #DECODER} and {@link #CROSS}.
 */
public enum AttentionKind {
  /** Self-attention of an encoder-only or decoder-only model. */
  SELF,
  /** Encoder self-attention of an encoder-decoder model. */
  ENCODER,
  /** Decoder self-attention of an encoder-decoder model. */
  DECODER,
  /** Decoder-to-encoder attention: queries are decoder tokens, keys are encoder tokens. */
  CROSS;

  /**
   * {@return the lower-case name used in data files and on the command line, e.g. {@code "cross"}}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the kind with the given {@link #id()}, ignoring case.
   *
   * @param id the id, e.g. {@code "self"}, in any case
   * @return the kind with that id
   * @throws IllegalArgumentException naming the valid ids if there is no such kind
   */
  public static AttentionKind fromId(String id) {
    for (AttentionKind kind : values()) {
      if (kind.id().equalsIgnoreCase(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown attention kind '"
            + id
            + "'; expected one of "
            + Arrays.stream(values()).map(AttentionKind::id).collect(Collectors.joining(", ")));
  }

  /**
   * {@return whether the query and key tokens are the same sequence} True for every kind but {@link
   * #CROSS}.
   */
  public boolean isSelfAttention() {
    return this != CROSS;
  }
}
