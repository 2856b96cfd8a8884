package dev.attnviz.swing.neuron;

import dev.attnviz.swing.model.AttentionViewModel;

/** The words the neuron view shows, in one place so layout, painting and tests agree. */
final class NeuronText {

  static final String NO_VECTORS =
      "This data has no query and key vectors: compute with 'queries and keys' on,"
          + " or load a file that has them";

  static final String WORD_LEVEL_NO_VECTORS =
      "Word level joins sub-word pieces, and a word has no query or key vector of its own:"
          + " turn word level off to see how the head computes its attention";

  static final String PLACEHOLDER =
      "Hover over or click a token on the left to see how its attention is computed";

  static final String NO_DATA = "No attention data to show";

  static final String QUERY_TITLE = "Query q";
  static final String KEY_TITLE = "Key k";
  static final String PRODUCT_TITLE = "q \u00d7 k (elementwise)";
  static final String SCORE_TITLE = "q \u00b7 k";
  static final String SOFTMAX_TITLE = "Softmax";
  static final String CONTRIBUTIONS_TITLE = "Top dimensions of q \u00b7 k";

  /** Header of the contribution list, one entry per sub-column. */
  static final String[] CONTRIBUTION_HEADERS = {"dim", "q", "k", "q\u00d7k", "share"};

  /** The widest text each contribution sub-column is sized for. */
  static final String[] CONTRIBUTION_SAMPLES = {"0000", "-00.000", "-00.000", "-000.000", "-000%"};

  private NeuronText() {}

  /**
   * Why expanded mode is unavailable: word level dropped the vectors of data that has them, or the
   * data never had any.
   */
  static String noVectors(AttentionViewModel model) {
    boolean dataHasVectors = model.hasData() && model.data().hasVectors();
    return model.isWordLevel() && dataHasVectors ? WORD_LEVEL_NO_VECTORS : NO_VECTORS;
  }
}
