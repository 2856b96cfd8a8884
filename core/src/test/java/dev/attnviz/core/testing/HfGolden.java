package dev.attnviz.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.GenerationListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One golden case of {@code fixtures/hf-exports/<model>/golden/<case>.json}: what PyTorch computed
 * for an input (see the fixtures' README).
 *
 * @param model the model folder
 * @param json the whole file
 */
public record HfGolden(String model, JsonNode json) {

  /** Loads {@code <model>/golden/<name>.json}. */
  public static HfGolden load(String model, String name) {
    return load(HfExports.folder(model), name);
  }

  /** Loads {@code golden/<name>.json} of any model folder, e.g. {@code fixtures/llama-tiny}. */
  public static HfGolden load(Path folder, String name) {
    Path file = folder.resolve("golden").resolve(name + ".json");
    try {
      return new HfGolden(
          folder.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request that reproduces this case, with vectors; {@code listener} hears generation. */
  public AttentionRequest request(GenerationListener listener) {
    JsonNode sourceB = json.get("sourceB");
    JsonNode target = json.get("target");
    JsonNode maxNew = json.get("maxNewTokens");
    return AttentionRequest.builder()
        .setTextA(json.get("source").asText())
        .optTextB(sourceB == null || sourceB.isNull() ? null : sourceB.asText())
        .optTarget(target == null || target.isNull() ? null : target.asText())
        .optMaxNewTokens(maxNew == null ? 0 : maxNew.asInt())
        .optQueriesAndKeys(true)
        .optGenerationListener(listener)
        .build();
  }

  /** The kinds present, by the ids of the file. */
  public List<AttentionKind> kinds() {
    List<AttentionKind> kinds = new ArrayList<>();
    json.get("kinds").fieldNames().forEachRemaining(k -> kinds.add(AttentionKind.fromId(k)));
    return kinds;
  }

  /** Checks every kind: tokens identical, attention and vectors within the tolerances. */
  public void assertMatches(AttentionData data, double attentionTolerance, double vectorTolerance) {
    assertEquals(kinds().size(), data.kinds().size(), "kinds " + data.kinds());
    for (Iterator<Map.Entry<String, JsonNode>> it = json.get("kinds").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      AttentionKind kind = AttentionKind.fromId(entry.getKey());
      JsonNode golden = entry.getValue();
      Attention attention = data.attention(kind);
      String where = model + " " + kind.id();
      assertEquals(strings(golden.get("queryTokens")), attention.queryTokens().strings(), where);
      assertEquals(strings(golden.get("keyTokens")), attention.keyTokens().strings(), where);
      assertClose(
          golden.get("attention"), attention.weights(), attentionTolerance, where + " attention");
      assertClose(
          golden.get("queries"),
          attention.queries().orElseThrow(),
          vectorTolerance,
          where + " queries");
      assertClose(
          golden.get("keys"), attention.keys().orElseThrow(), vectorTolerance, where + " keys");
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(s -> strings.add(s.asText()));
    return strings;
  }

  /** Checks that {@code actual} is {@code golden} within {@code tolerance}. */
  public static void assertClose(JsonNode golden, Tensor4D actual, double tolerance, String what) {
    assertEquals(golden.size(), actual.dim0(), what + " layers");
    assertEquals(golden.get(0).size(), actual.dim1(), what + " heads");
    assertEquals(golden.get(0).get(0).size(), actual.dim2(), what + " rows");
    assertEquals(golden.get(0).get(0).get(0).size(), actual.dim3(), what + " columns");
    double worst = 0;
    for (int a = 0; a < actual.dim0(); a++) {
      for (int b = 0; b < actual.dim1(); b++) {
        for (int c = 0; c < actual.dim2(); c++) {
          for (int d = 0; d < actual.dim3(); d++) {
            double expected = golden.get(a).get(b).get(c).get(d).asDouble();
            worst = Math.max(worst, Math.abs(expected - actual.get(a, b, c, d)));
          }
        }
      }
    }
    assertTrue(worst <= tolerance, what + ": largest difference " + worst + " > " + tolerance);
  }
}
