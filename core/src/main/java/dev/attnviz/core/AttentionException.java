package dev.attnviz.core;

import java.util.Objects;

/**
 * A model could not be loaded, attention could not be computed, or a data file could not be read.
 * The message says what was wrong and what the user can do about it; it is fit to show as is.
 */
public class AttentionException extends Exception {

  /** What kind of failure this is, so callers can react without parsing messages. */
  public enum Reason {
    /** No attention provider has the requested name. */
    PROVIDER_NOT_FOUND,
    /** The model path does not exist or lacks a required file. */
    MODEL_NOT_FOUND,
    /** The model files exist but cannot be loaded (wrong format, corrupt, unsupported). */
    MODEL_INVALID,
    /** The model loads but no attention tensors were found in it. */
    NO_ATTENTION,
    /** The input text is empty or only whitespace. */
    INPUT_EMPTY,
    /** The input has more tokens than the model takes and truncation was not allowed. */
    INPUT_TOO_LONG,
    /** The model failed while computing. */
    INFERENCE_FAILED,
    /** The request asks for something this provider cannot do. */
    UNSUPPORTED,
    /** A data file is malformed, inconsistent or too large. */
    FILE_INVALID,
    /** The operation was cancelled. */
    CANCELLED
  }

  /** What kind of failure this is; never null. */
  private final Reason reason;

  /**
   * Creates an exception with a user-facing message.
   *
   * @param reason what kind of failure this is; not null
   * @param message what went wrong and what to do, in words for the user
   */
  public AttentionException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception with a user-facing message and the underlying cause.
   *
   * @param reason what kind of failure this is; not null
   * @param message what went wrong and what to do, in words for the user
   * @param cause the underlying exception, or null
   */
  public AttentionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return what kind of failure this is} */
  public Reason reason() {
    return reason;
  }
}
