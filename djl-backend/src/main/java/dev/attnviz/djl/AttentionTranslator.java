package dev.attnviz.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.TokenizedInput;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * Turns tokens into the graph's inputs and its attention outputs into {@link RawAttention}. Every
 * native array lives in the predictor context's manager, which DJL closes after each run, so
 * nothing native outlives a compute.
 *
 * <p>Stateless, so one instance serves concurrent predictors.
 */
final class AttentionTranslator
    implements NoBatchifyTranslator<AttentionTranslator.Run, RawAttention> {

  /**
   * What to run the model on, and what to copy out.
   *
   * @param tokens the tokens fed to the model
   * @param withVectors whether to copy the query and key projections too, not only the attention
   */
  record Run(TokenizedInput tokens, boolean withVectors) {}

  /** Context attachment: the run, for checking output shapes and choosing outputs. */
  private static final String RUN = "attnviz.run";

  private final AttentionGraph graph;

  /**
   * Creates a translator.
   *
   * @param graph the rewritten graph's description
   */
  AttentionTranslator(AttentionGraph graph) {
    this.graph = graph;
  }

  /**
   * Builds the graph inputs.
   *
   * @throws IllegalArgumentException if the run asks for vectors the graph does not expose
   */
  @Override
  public NDList processInput(TranslatorContext ctx, Run run) {
    if (run.withVectors() && !graph.tensors().hasVectors()) {
      throw new IllegalArgumentException("the graph exposes no query and key projections");
    }
    NDManager manager = ctx.getNDManager();
    TokenizedInput input = run.tokens();
    int n = input.size();
    ctx.setAttachment(RUN, run);
    NDList list = new NDList(graph.inputs().size());
    for (ModelInput spec : graph.inputs()) {
      long[] values =
          switch (spec.role()) {
            case INPUT_IDS -> input.ids();
            case TOKEN_TYPE_IDS -> input.typeIds();
            case ATTENTION_MASK -> filled(n, i -> 1);
            case POSITION_IDS -> filled(n, i -> i);
          };
      NDArray array =
          spec.integerBits() == 64
              ? manager.create(values, new Shape(1, n))
              : manager.create(toInts(values), new Shape(1, n));
      array.setName(spec.name());
      list.add(array);
    }
    return list;
  }

  @Override
  public RawAttention processOutput(TranslatorContext ctx, NDList outputs) {
    Run run = (Run) ctx.getAttachment(RUN);
    int tokens = run.tokens().size();
    Tensor4D weights = OutputReader.weights(outputs, graph.tensors().attention(), tokens);
    if (!run.withVectors()) {
      return new RawAttention(weights, Optional.empty(), Optional.empty());
    }
    int heads = weights.dim1();
    return new RawAttention(
        weights,
        Optional.of(OutputReader.vectors(outputs, graph.tensors().queries(), heads, tokens)),
        Optional.of(OutputReader.vectors(outputs, graph.tensors().keys(), heads, tokens)));
  }

  private static long[] filled(int n, IntToLongFunction value) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = value.applyAsLong(i);
    }
    return values;
  }

  private static int[] toInts(long[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = Math.toIntExact(values[i]);
    }
    return ints;
  }
}
