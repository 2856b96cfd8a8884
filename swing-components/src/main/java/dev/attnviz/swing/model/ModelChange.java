package dev.attnviz.swing.model;

/** What changed in a view model, which says how far the selections bound to it must adapt. */
enum ModelChange {
  /** New data: token indexes name other tokens now; defaults apply. */
  DATA,
  /** New default layer or heads. */
  DEFAULTS,
  /** A selection bound for the first time: defaults apply, its tokens stay if shown. */
  ATTACH,
  /** Hide special tokens or word level: tokens kept if still shown. */
  OPTIONS,
  /** Anything else (included layers and heads, prettifying). */
  OTHER
}
