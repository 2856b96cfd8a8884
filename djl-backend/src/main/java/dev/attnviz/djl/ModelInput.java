package dev.attnviz.djl;

import java.util.Arrays;
import java.util.Optional;

/**
 * One input of an ONNX graph that the provider knows how to fill.
 *
 * @param name the input's name in the graph
 * @param role what goes into it
 * @param integerBits 64 for {@code int64} inputs (the usual), 32 for {@code int32}
 */
record ModelInput(String name, Role role, int integerBits) {

  /** What an input holds, recognised by the names Hugging Face exports use. */
  enum Role {
    /** Token ids. */
    INPUT_IDS("input_ids"),
    /** 1 for every real token; this provider never pads, so all ones. */
    ATTENTION_MASK("attention_mask"),
    /** Segment ids: 0 for sentence A, 1 for sentence B. */
    TOKEN_TYPE_IDS("token_type_ids"),
    /** Positions 0 to n-1. */
    POSITION_IDS("position_ids");

    private final String inputName;

    Role(String inputName) {
      this.inputName = inputName;
    }

    /** The input name that marks this role. */
    String inputName() {
      return inputName;
    }

    /** The role of an input with the given name, if it is one this provider can fill. */
    static Optional<Role> ofInputName(String name) {
      return Arrays.stream(values()).filter(r -> r.inputName.equals(name)).findFirst();
    }
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the integer width is not 32 or 64
   */
  ModelInput {
    if (integerBits != 32 && integerBits != 64) {
      throw new IllegalArgumentException("integerBits must be 32 or 64, not " + integerBits);
    }
  }
}
