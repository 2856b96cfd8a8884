package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The heads of one layer that a view must not draw because their weights are invalid. A large
 * dump's heads are checked when first looked at ({@link dev.attnviz.core.Attention#problem}), so a
 * view finds out while it draws: it leaves such heads out and writes {@link #note()} where the
 * picture is, instead of drawing a picture that is wrong (a weight of 3 as a full line, NaN as no
 * line). Immutable.
 */
public final class InvalidHeads {

  private static final InvalidHeads NONE = new InvalidHeads(0, new int[0], "");

  private final int layer;
  private final int[] heads;
  private final String firstProblem;

  private InvalidHeads(int layer, int[] heads, String firstProblem) {
    this.layer = layer;
    this.heads = heads;
    this.firstProblem = firstProblem;
  }

  /**
   * No head left out.
   *
   * @return an empty set of invalid heads
   */
  public static InvalidHeads none() {
    return NONE;
  }

  /**
   * Which of {@code heads} of {@code layer} hold invalid weights; checks each head not checked yet
   * (a large dump's head is read once for that).
   *
   * @param shown the shown attention
   * @param layer the layer, 0-based
   * @param heads the heads a view would draw
   * @return the invalid ones, in the order given, with what is wrong with the first
   */
  public static InvalidHeads among(ShownAttention shown, int layer, int[] heads) {
    int[] invalid = new int[heads.length];
    int count = 0;
    String first = null;
    for (int head : heads) {
      Optional<String> problem = shown.attention().problem(layer, head);
      if (problem.isPresent()) {
        invalid[count++] = head;
        first = first == null ? problem.get() : first;
      }
    }
    return count == 0 ? NONE : new InvalidHeads(layer, Arrays.copyOf(invalid, count), first);
  }

  /**
   * Whether every head given was valid.
   *
   * @return true when nothing is left out
   */
  public boolean isEmpty() {
    return heads.length == 0;
  }

  /**
   * {@code heads} without the invalid ones, in the same order.
   *
   * @param heads heads to draw
   * @return those that may be drawn
   */
  public int[] drawable(int[] heads) {
    if (isEmpty()) {
      return heads;
    }
    return Arrays.stream(heads)
        .filter(h -> Arrays.stream(this.heads).noneMatch(i -> i == h))
        .toArray();
  }

  /**
   * What the view writes in place of the heads left out, e.g. "Not drawn: head 2 of layer 0, whose
   * weights are invalid (… is 3.0; weights are softmax probabilities …)"; empty when none is.
   *
   * @return the note, in the UI's language
   */
  public String note() {
    if (isEmpty()) {
      return "";
    }
    String list =
        Arrays.stream(heads).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return heads.length == 1
        ? Messages.format("view.invalidHead", list, layer, firstProblem)
        : Messages.format("view.invalidHeads", list, layer, firstProblem);
  }
}
