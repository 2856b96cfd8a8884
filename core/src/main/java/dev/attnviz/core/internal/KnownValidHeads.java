package dev.attnviz.core.internal;

/**
 * What a transform learnt about its heads while it computed them: whether a head's every number is
 * known to be valid, so that the per-head check need not read it again. Asked once per head, from
 * any thread; a head it does not vouch for is checked weight by weight, which names the problem.
 */
@FunctionalInterface
public interface KnownValidHeads {

  /**
   * Whether every number of head {@code [layer][head]} (its weights, and its query and key vectors
   * if there are any) is known to be valid; may compute the head first.
   *
   * @param layer the layer, in range
   * @param head the head, in range
   * @return true if the head needs no check; false if it must be checked
   */
  boolean knownValid(int layer, int head);
}
