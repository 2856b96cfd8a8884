package dev.attnviz.swing.model;

import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A selection's active heads: every head (whatever the head count) or a chosen set, with the
 * arithmetic of the choice: the heads active among a count, and the choice after a click on a
 * head's square, a double-click, or a jump to a head (which isolates the head or adds it, as set).
 * Those results are new sets the caller may keep, null meaning every head. Use on the Event
 * Dispatch Thread.
 */
final class ActiveHeads {

  /** Null means every head is active, whatever the head count. */
  private BitSet chosen;

  private boolean isolateOnJump = true;

  /** Whether every head is active. */
  boolean isAll() {
    return chosen == null;
  }

  /** Whether {@code head} is active. */
  boolean isActive(int head) {
    return chosen == null || chosen.get(head);
  }

  /** A copy of the chosen heads, or empty if every head is active. */
  Optional<BitSet> chosen() {
    return chosen == null ? Optional.empty() : Optional.of((BitSet) chosen.clone());
  }

  /**
   * Chooses a copy of {@code heads} (null: every head); returns whether that changed the choice.
   */
  boolean set(BitSet heads) {
    BitSet copy = heads == null ? null : (BitSet) heads.clone();
    if (Objects.equals(copy, chosen)) {
      return false;
    }
    chosen = copy;
    return true;
  }

  /** The active heads below {@code count}, as a new set. */
  BitSet among(int count) {
    BitSet result = new BitSet(count);
    if (chosen == null) {
      result.set(0, count);
    } else {
      result.or(chosen.get(0, count));
    }
    return result;
  }

  /**
   * The choice after a click on {@code head}'s square among {@code count} heads: the head turned on
   * or off, null once every head is on; an empty set if the last active head would go off.
   */
  BitSet toggled(int head, int count) {
    BitSet heads = among(count);
    heads.flip(head);
    return !heads.isEmpty() && heads.cardinality() == count ? null : heads;
  }

  /**
   * The choice after a double-click on {@code head}'s square: the head alone, or every head (null)
   * if it already was alone or is the only head.
   */
  BitSet isolated(int head, int count) {
    BitSet heads = among(count);
    if (heads.cardinality() == 1 && heads.get(head) || count == 1) {
      return null;
    }
    BitSet only = new BitSet();
    only.set(head);
    return only;
  }

  /** Whether a jump to a head shows it alone (the default) or adds it to the active heads. */
  boolean isolatesOnJump() {
    return isolateOnJump;
  }

  void setIsolateOnJump(boolean isolate) {
    isolateOnJump = isolate;
  }

  /**
   * The choice after a jump to {@code head}: the head alone if {@link #isolatesOnJump()}, else
   * added to the chosen heads; null when that is every one of {@code count} heads (if known) or,
   * without isolating, when every head was active already.
   */
  BitSet jumped(int head, OptionalInt count) {
    boolean isolate = isolateOnJump;
    BitSet heads = new BitSet();
    if (!isolate && chosen != null) {
      heads.or(chosen);
    }
    heads.set(head);
    boolean all =
        !isolate && chosen == null || count.isPresent() && heads.cardinality() == count.getAsInt();
    return all ? null : heads;
  }
}
