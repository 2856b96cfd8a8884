package dev.attnviz.swing.neuron;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionViewModel;

/**
 * The words the neuron view shows, in one place so layout, painting and tests agree. Methods, not
 * constants: the text comes from the bundle in the views' locale ({@link Messages}).
 */
final class NeuronText {

  /** The widest text each contribution sub-column is sized for. */
  static final String[] CONTRIBUTION_SAMPLES = {"0000", "-00.000", "-00.000", "-000.000", "-000%"};

  private NeuronText() {}

  /** The data has no query and key vectors. */
  static String noVectorsInData() {
    return Messages.text("neuron.noVectors");
  }

  /** Word level dropped the vectors of data that has them. */
  static String wordLevelNoVectors() {
    return Messages.text("neuron.wordLevelNoVectors");
  }

  /** Expanded mode while no query token is selected. */
  static String placeholder() {
    return Messages.text("neuron.placeholder");
  }

  static String noData() {
    return Messages.text("neuron.noData");
  }

  static String queryTitle() {
    return Messages.text("neuron.queryTitle");
  }

  static String keyTitle() {
    return Messages.text("neuron.keyTitle");
  }

  static String productTitle() {
    return Messages.text("neuron.productTitle");
  }

  static String scoreTitle() {
    return Messages.text("neuron.scoreTitle");
  }

  static String softmaxTitle() {
    return Messages.text("neuron.softmaxTitle");
  }

  static String contributionsTitle() {
    return Messages.text("neuron.contributionsTitle");
  }

  /** Header of the contribution list, one entry per sub-column (as many as the samples). */
  static String[] contributionHeaders() {
    return new String[] {
      Messages.text("neuron.header.dim"), "q", "k", "q\u00d7k", Messages.text("neuron.header.share")
    };
  }

  /**
   * Why expanded mode is unavailable: word level dropped the vectors of data that has them, or the
   * data never had any.
   */
  static String noVectors(AttentionViewModel model) {
    boolean dataHasVectors = model.hasData() && model.data().hasVectors();
    return model.isWordLevel() && dataHasVectors ? wordLevelNoVectors() : noVectorsInData();
  }
}
