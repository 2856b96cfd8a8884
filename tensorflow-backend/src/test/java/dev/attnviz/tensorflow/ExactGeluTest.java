package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** The GELU rewrite, on the sub-graph that BERT's {@code modeling.py} builds. */
class ExactGeluTest {

  private static final float[] X = {-1f, 0.5f, 1f, 2f};

  /** Exact GELU, x * Phi(x), of {@link #X} (from tables of the normal distribution). */
  private static final double[] EXACT = {-0.158655254, 0.345731273, 0.841344746, 1.954499736};

  /** {@code modeling.py}'s {@code gelu}, with its op names, in scope {@code dense/}. */
  private static GraphDef tanhGelu() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("BiasAdd").placeholder(TFloat32.class, Placeholder.shape(Shape.of(4)));
      Ops dense = tf.withSubScope("dense");
      Operand<TFloat32> pow = dense.withName("Pow").math.pow(x, tf.constant(3f));
      Operand<TFloat32> mul = dense.withName("mul").math.mul(tf.constant(0.044715f), pow);
      Operand<TFloat32> add = dense.withName("add").math.add(x, mul);
      Operand<TFloat32> mul1 =
          dense.withName("mul_1").math.mul(tf.constant((float) Math.sqrt(2 / Math.PI)), add);
      Operand<TFloat32> tanh = dense.withName("Tanh").math.tanh(mul1);
      Operand<TFloat32> add1 = dense.withName("add_1").math.add(tf.constant(1f), tanh);
      Operand<TFloat32> mul2 = dense.withName("mul_2").math.mul(tf.constant(0.5f), add1);
      dense.withName("mul_3").math.mul(x, mul2);
      return graph.toGraphDef();
    }
  }

  private static float[] run(GraphDef definition) {
    try (Graph graph = new Graph();
        Session session = new Session(graph);
        TFloat32 x = TFloat32.vectorOf(X)) {
      graph.importGraphDef(definition);
      try (Result result = session.runner().feed("BiasAdd", x).fetch("dense/mul_3").run()) {
        TFloat32 y = (TFloat32) result.get(0);
        float[] values = new float[X.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = y.getFloat(i);
        }
        return values;
      }
    }
  }

  @Test
  void theTanhApproximationIsOffByMoreThanTheOracleTolerance() {
    float[] approximate = run(tanhGelu());

    assertTrue(Math.abs(approximate[2] - EXACT[2]) > 1e-4, "gelu(1) = " + approximate[2]);
  }

  @Test
  void afterTheRewriteTheSubGraphComputesTheExactGelu() {
    GraphDef.Builder graph = tanhGelu().toBuilder();

    int replaced = ExactGelu.rewrite(graph);
    float[] exact = run(graph.build());

    assertEquals(1, replaced);
    for (int i = 0; i < X.length; i++) {
      assertEquals(EXACT[i], exact[i], 1e-6, "gelu(" + X[i] + ")");
    }
  }

  @Test
  void aTanhThatIsNotPartOfAGeluIsLeftAlone() {
    GraphDef plain;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.withSubScope("dense").withName("Tanh").math.tanh(tf.constant(1f));
      plain = graph.toGraphDef();
    }
    GraphDef.Builder builder = plain.toBuilder();

    assertEquals(0, ExactGelu.rewrite(builder));
    assertEquals(plain, builder.build());
  }
}
