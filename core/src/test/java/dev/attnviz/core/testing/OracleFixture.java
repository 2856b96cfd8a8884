package dev.attnviz.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A golden attention file from {@code fixtures/oracle/}: what an independent PyTorch implementation
 * computed for one input and one model. Shared with the backend modules through the core test jar.
 *
 * @param model model id, e.g. {@code bert-base-uncased}
 * @param textA first sentence
 * @param textB second sentence or null
 * @param ids token ids
 * @param types token type ids
 * @param tokens token strings
 * @param attention {@code [layer][head][query][key]}
 * @param queries per layer (only some layers): {@code [head][token][dim]}
 * @param keys per layer (only some layers): {@code [head][token][dim]}
 */
public record OracleFixture(
    String model,
    String textA,
    String textB,
    int[] ids,
    int[] types,
    List<String> tokens,
    float[][][][] attention,
    Map<Integer, float[][][]> queries,
    Map<Integer, float[][][]> keys) {

  /** Model folder names under {@code fixtures/oracle}. */
  public static final String BERT_BASE_UNCASED = "bert-base-uncased";

  /** Model folder names under {@code fixtures/oracle}. */
  public static final String ALL_MINILM_L6_V2 = "all-minilm-l6-v2";

  /** Fixture names present for every model. */
  public static final List<String> NAMES = List.of("cat-sat", "rabbit-turtle-pair");

  /** The fixture folder, from the {@code attnviz.fixtures} system property set by the build. */
  public static Path root() {
    String property = System.getProperty("attnviz.fixtures");
    Path root = property == null ? Path.of("../fixtures/oracle") : Path.of(property);
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "golden fixtures not found at " + root.toAbsolutePath() + " (set -Dattnviz.fixtures)");
    }
    return root;
  }

  /** Loads {@code fixtures/oracle/<model>/<name>.json}. */
  public static OracleFixture load(String model, String name) {
    Path file = root().resolve(model).resolve(name + ".json");
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      List<String> tokens = new ArrayList<>();
      json.get("tokens").forEach(t -> tokens.add(t.asText()));
      return new OracleFixture(
          json.get("model").asText(),
          json.get("text_a").asText(),
          json.get("text_b").isNull() ? null : json.get("text_b").asText(),
          ints(json.get("ids")),
          ints(json.get("types")),
          List.copyOf(tokens),
          floats4(json.get("attention")),
          layerMap(json.get("queries")),
          layerMap(json.get("keys")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + file, e);
    }
  }

  /** Index of the first token of sentence B (first token with type 1), or -1. */
  public int sentenceBStart() {
    for (int i = 0; i < types.length; i++) {
      if (types[i] == 1) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Asserts that {@code data}'s self-attention has this fixture's tokens, attention within {@code
   * attentionTolerance}, and (if the data has vectors) queries and keys of the fixture's layers
   * within {@code vectorTolerance}.
   */
  public void assertMatches(AttentionData data, double attentionTolerance, double vectorTolerance) {
    Attention attention = data.primary();
    assertEquals(tokens, attention.queryTokens().strings(), "tokens");
    assertEquals(tokens, attention.keyTokens().strings(), "key tokens");
    Tensor4D weights = attention.weights();
    assertEquals(attention().length, weights.dim0(), "layers");
    assertEquals(attention()[0].length, weights.dim1(), "heads");
    double worst = 0;
    for (int l = 0; l < weights.dim0(); l++) {
      for (int h = 0; h < weights.dim1(); h++) {
        for (int i = 0; i < weights.dim2(); i++) {
          for (int j = 0; j < weights.dim3(); j++) {
            double diff = Math.abs(weights.get(l, h, i, j) - attention()[l][h][i][j]);
            worst = Math.max(worst, diff);
            if (diff > attentionTolerance) {
              throw new AssertionError(
                  String.format(
                      "attention[%d][%d][%d][%d] = %.6f, golden %.6f (diff %.2e > %.0e)",
                      l,
                      h,
                      i,
                      j,
                      weights.get(l, h, i, j),
                      attention()[l][h][i][j],
                      diff,
                      attentionTolerance));
            }
          }
        }
      }
    }
    assertTrue(worst <= attentionTolerance);
    if (sentenceBStart() > 0) {
      assertEquals(sentenceBStart(), data.sentenceBStart().orElse(-1), "sentence B start");
    } else {
      assertTrue(data.sentenceBStart().isEmpty(), "no sentence B");
    }
    if (attention.hasVectors()) {
      assertVectors("queries", attention.queries().orElseThrow(), queries, vectorTolerance);
      assertVectors("keys", attention.keys().orElseThrow(), keys, vectorTolerance);
    }
  }

  private static void assertVectors(
      String what, Tensor4D actual, Map<Integer, float[][][]> golden, double tolerance) {
    for (Map.Entry<Integer, float[][][]> entry : golden.entrySet()) {
      int layer = entry.getKey();
      float[][][] expected = entry.getValue();
      assertEquals(expected.length, actual.dim1(), what + " heads");
      assertEquals(expected[0].length, actual.dim2(), what + " tokens");
      assertEquals(expected[0][0].length, actual.dim3(), what + " head size");
      for (int h = 0; h < expected.length; h++) {
        for (int t = 0; t < expected[h].length; t++) {
          for (int d = 0; d < expected[h][t].length; d++) {
            double diff = Math.abs(actual.get(layer, h, t, d) - expected[h][t][d]);
            if (diff > tolerance) {
              throw new AssertionError(
                  String.format(
                      "%s[layer %d][head %d][token %d][%d] = %.5f, golden %.5f (diff %.2e)",
                      what, layer, h, t, d, actual.get(layer, h, t, d), expected[h][t][d], diff));
            }
          }
        }
      }
    }
  }

  private static int[] ints(JsonNode array) {
    int[] result = new int[array.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = array.get(i).asInt();
    }
    return result;
  }

  private static float[][][][] floats4(JsonNode array) {
    float[][][][] result = new float[array.size()][][][];
    for (int i = 0; i < result.length; i++) {
      result[i] = floats3(array.get(i));
    }
    return result;
  }

  private static float[][][] floats3(JsonNode array) {
    float[][][] result = new float[array.size()][][];
    for (int i = 0; i < result.length; i++) {
      JsonNode matrix = array.get(i);
      result[i] = new float[matrix.size()][];
      for (int r = 0; r < matrix.size(); r++) {
        JsonNode row = matrix.get(r);
        result[i][r] = new float[row.size()];
        for (int c = 0; c < row.size(); c++) {
          result[i][r][c] = (float) row.get(c).asDouble();
        }
      }
    }
    return result;
  }

  private static Map<Integer, float[][][]> layerMap(JsonNode object) {
    Map<Integer, float[][][]> result = new TreeMap<>();
    if (object != null && !object.isNull()) {
      object
          .fields()
          .forEachRemaining(e -> result.put(Integer.valueOf(e.getKey()), floats3(e.getValue())));
    }
    return result;
  }
}
