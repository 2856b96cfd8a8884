package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a JSON file can be bad ends in a message that names the problem and its place. The
 * files start as a valid result (2 layers, 3 heads, 8 tokens, vectors of size 4) and are broken one
 * field at a time.
 */
class JsonInvalidFileTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Stands for a bare NaN/Infinity in the text, which a tree cannot hold as a number. */
  private static final String BARE = "__bare__";

  @TempDir Path dir;

  private ObjectNode root;
  private ObjectNode self;

  @BeforeEach
  void validFile() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AttentionJson.write(SyntheticAttention.single(true), bytes);
    root = (ObjectNode) MAPPER.readTree(bytes.toByteArray());
    self = (ObjectNode) root.get("attention").get(0);
  }

  private ArrayNode at(String field, int... indexes) {
    ArrayNode node = (ArrayNode) self.get(field);
    for (int index : indexes) {
      node = (ArrayNode) node.get(index);
    }
    return node;
  }

  @Test
  void raggedHeads() throws Exception {
    at("weights", 1, 2).remove(7);

    assertMentions(
        error(),
        "attention[0].weights[1][2] has 7 entries, expected 8",
        "Every array at one level must have the same length: [layer][head][query][key]");
  }

  @Test
  void raggedRow() throws Exception {
    at("weights", 0, 0, 3).remove(0);

    assertMentions(error(), "attention[0].weights[0][0][3] has 7 entries, expected 8");
  }

  @Test
  void raggedLayers() throws Exception {
    at("weights", 1).remove(0);

    assertMentions(error(), "attention[0].weights[1] has 2 entries, expected 3");
  }

  @Test
  void raggedVectors() throws Exception {
    at("queries", 1, 0, 2).add(0.5);

    assertMentions(
        error(),
        "attention[0].queries[1][0][2] has 5 entries, expected 4",
        "[layer][head][token][dim]");
  }

  @Test
  void tooShallowWeights() throws Exception {
    at("weights", 0).set(1, 0.5);

    assertMentions(
        error(),
        "attention[0].weights[0][1] must be an array, but is a decimal number"
            + " (the nesting is [layer][head][query][key])");
  }

  @Test
  void tooDeepWeights() throws Exception {
    at("weights", 0, 1, 2).set(3, MAPPER.createArrayNode().add(0.5));

    assertMentions(error(), "attention[0].weights[0][1][2][3] must be a number, but is an array");
  }

  @Test
  void stringAmongTheWeights() throws Exception {
    at("weights", 0, 1, 2).set(3, "0.5");

    assertMentions(error(), "attention[0].weights[0][1][2][3] must be a number, but is a string");
  }

  @Test
  void vectorsNotMatchingTheWeights() throws Exception {
    for (int l = 0; l < 2; l++) {
      for (int h = 0; h < 3; h++) {
        at("keys", l, h).remove(7);
      }
    }

    assertMentions(
        error(),
        "attention[0]: self attention: keys [2, 3, 7, 4] do not match 2 layers, 3 heads and 8 tokens");
  }

  @Test
  void tokenCountNotMatchingTheWeights() throws Exception {
    for (String field :
        new String[] {
          "queryTokens", "keyTokens", "querySpecial", "keySpecial", "queryWords", "keyWords"
        }) {
      at(field).remove(7);
    }

    assertMentions(
        error(),
        "attention[0]: self attention: weights [2, 3, 8, 8] have 8 query rows but there are 7 query tokens",
        "docs/FORMAT.md");
  }

  @Test
  void specialFlagsOfTheWrongLength() throws Exception {
    at("querySpecial").remove(0);

    assertMentions(error(), "attention[0].querySpecial has 7 entries for 8 tokens");
  }

  @Test
  void invalidWords() throws Exception {
    at("keyWords").set(2, 5);

    assertMentions(
        error(),
        "attention[0].keyWords: wordOf must start at 0 and grow by 0 or 1 per token, but wordOf[2] = 5 follows 1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "NaN, is NaN; weights must be finite numbers",
    "Infinity, is Infinity; weights must be finite numbers",
    "-Infinity, is -Infinity; weights must be finite numbers",
    "-0.5, is -0.5; weights are probabilities and cannot be negative",
    "1.5, is 1.5; weights are softmax probabilities and cannot exceed 1"
  })
  void badWeight(String value, String problem) throws Exception {
    at("weights", 1, 2, 3).set(4, BARE);

    assertMentions(
        error(bare(value)),
        "attention[0]: self attention: weight at [layer 1][head 2][3][4] " + problem);
  }

  @Test
  void nanVector() throws Exception {
    at("queries", 0, 1, 2).set(3, BARE);

    assertMentions(
        error(bare("NaN")),
        "queries value at [layer 0][head 1][2][3] is NaN; vectors must be finite numbers");
  }

  @Test
  void moreThanTheFreeMemory() throws Exception {
    Path file = save(MAPPER.writeValueAsString(root));
    MemoryBudget tiny = () -> 1000;

    assertMentions(
        FileErrors.messageOf(file, () -> AttentionJson.read(file, tiny)),
        "the attention in this file needs 3072 bytes of memory but only 1000 bytes of the Java heap is free");
  }

  @Test
  void cutInsideTheWeights() throws Exception {
    String json = MAPPER.writeValueAsString(root);
    String cut = json.substring(0, json.indexOf("\"weights\"") + 400);

    assertMentions(
        error(cut),
        "the JSON ends too early at line 1, column ",
        "(in attention[0].weights[0][",
        "truncated");
  }

  @Test
  void notJsonInside() throws Exception {
    assertMentions(
        error("{\"format\": \"attnviz\", \"version\": 1, \"model\": {\"name\": bert}}"),
        "it is not valid JSON at line 1, column 60 (in model.name): Unrecognized token 'bert'",
        "damaged");
  }

  @Test
  void otherFormatName() throws Exception {
    root.put("format", "bertviz");

    assertMentions(error(), "its format is \"bertviz\", not \"attnviz\"");
  }

  @Test
  void noFormatName() throws Exception {
    assertMentions(
        error("{\"architectures\": [\"BertModel\"], \"hidden_size\": 768}"),
        "it has no \"format\" field, so it is not an attnviz attention file",
        "{\"format\": \"attnviz\", \"version\": 1, ...}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | its version 2 is newer than this attnviz reads (1). Update attnviz to open it",
        "123456789012345678901234567890 | its version 123456789012345678901234567890 is newer",
        "0 | its version 0 does not exist; the first version is 1",
        "-1 | its version -1 does not exist",
        "\"1\" | version must be a whole number, but is a string",
        "1.0 | version must be a whole number, but is a decimal number"
      })
  void badVersion(String version, String problem) throws Exception {
    root.put("version", BARE);

    assertMentions(error(bare(version)), problem);
  }

  @Test
  void noVersion() throws Exception {
    root.remove("version");

    assertMentions(error(), "the top level has no \"version\" field");
  }

  @Test
  void futureVersionIsReportedEvenWhenAttentionComesFirst() throws Exception {
    // A version-2 file may lay out "attention" differently: its contents must not be judged by v1.
    String json = "{\"attention\": {\"v2\": true}, \"format\": \"attnviz\", \"version\": 2}";

    assertMentions(error(json), "its version 2 is newer than this attnviz reads (1)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1, 2] | the top level must be an object {\"format\": \"attnviz\", ...}, but is an array",
        "\"attnviz\" | the top level must be an object",
      })
  void wrongTopLevel(String json, String problem) throws Exception {
    assertMentions(error(json), problem);
  }

  @Test
  void modelNotAnObject() throws Exception {
    root.put("model", "bert");

    assertMentions(
        error(), "model must be an object with name, backend and causal, but is a string");
  }

  @Test
  void causalNotABoolean() throws Exception {
    ((ObjectNode) root.get("model")).put("causal", "no");

    assertMentions(error(), "model.causal must be true or false, but is a string");
  }

  @Test
  void blankModelName() throws Exception {
    ((ObjectNode) root.get("model")).put("name", " ");

    assertMentions(error(), "model: model name is blank");
  }

  @Test
  void attentionNotAnArray() throws Exception {
    root.set("attention", self);

    assertMentions(
        error(), "attention must be an array with one object per attention kind, but is an object");
  }

  @Test
  void attentionEntryNotAnObject() throws Exception {
    ((ArrayNode) root.get("attention")).insert(0, 5);

    assertMentions(
        error(),
        "attention[0] must be an object with kind, queryTokens, keyTokens and weights, but is a whole number");
  }

  @Test
  void tokenNotAString() throws Exception {
    at("keyTokens").set(3, 3);

    assertMentions(error(), "attention[0].keyTokens[3] must be a string, but is a whole number");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "model | the top level has no \"model\" field",
        "attention | the top level has no \"attention\" field",
      })
  void missingTopLevelField(String field, String problem) throws Exception {
    root.remove(field);

    assertMentions(error(), problem, "docs/FORMAT.md");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"kind", "queryTokens", "keyTokens", "weights"})
  void missingAttentionField(String field) throws Exception {
    self.remove(field);

    assertMentions(error(), "attention[0] has no \"" + field + "\" field");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"name", "backend", "causal"})
  void missingModelField(String field) throws Exception {
    ((ObjectNode) root.get("model")).remove(field);

    assertMentions(error(), "model has no \"" + field + "\" field");
  }

  @Test
  void queriesWithoutKeys() throws Exception {
    self.remove("keys");

    assertMentions(error(), "attention[0] has \"queries\" but no \"keys\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | sentenceBStart 0 must be inside the 8 tokens (1 to 7)",
        "8 | sentenceBStart 8 must be inside the 8 tokens (1 to 7)",
        "\"3\" | sentenceBStart must be a whole number, but is a string",
        "2.5 | sentenceBStart must be a whole number, but is a decimal number",
        "99999999999 | sentenceBStart is 99999999999, too large"
      })
  void invalidSentenceBStart(String value, String problem) throws Exception {
    root.put("sentenceBStart", BARE);

    assertMentions(error(bare(value)), problem);
  }

  @Test
  void invalidTruncation() throws Exception {
    root.putObject("truncation").put("originalTokens", 8).put("keptTokens", 8);

    assertMentions(
        error(),
        "truncation: a truncation keeps fewer tokens than the original but more than none");
  }

  @Test
  void unknownKind() throws Exception {
    self.put("kind", "sideways");

    assertMentions(
        error(),
        "attention[0].kind: unknown attention kind 'sideways'; expected one of self, encoder, decoder, cross");
  }

  @Test
  void duplicateKinds() throws Exception {
    ((ArrayNode) root.get("attention")).add(self.deepCopy());

    assertMentions(error(), "attention kind 'self' appears twice");
  }

  @Test
  void selfMixedWithCross() throws Exception {
    ObjectNode cross = self.deepCopy();
    cross.put("kind", "cross");
    ((ArrayNode) root.get("attention")).add(cross);

    assertMentions(
        error(), "'self' attention cannot be combined with encoder, decoder or cross attention");
  }

  @Test
  void noKinds() throws Exception {
    root.putArray("attention");

    assertMentions(error(), "attention data needs at least one attention kind");
  }

  @Test
  void duplicateField() throws Exception {
    String json =
        MAPPER
            .writeValueAsString(root)
            .replace("\"kind\":\"self\"", "\"kind\":\"self\",\"kind\":\"self\"");

    assertMentions(error(json), "Duplicate field 'kind'");
  }

  @Test
  void moreAfterTheObject() throws Exception {
    assertMentions(
        error(MAPPER.writeValueAsString(root) + "\n{}"),
        "there is more after the top-level object (at line 2)");
  }

  /** Issue 17: accepted before, though the file contradicts itself. */
  @Test
  void keptTokensThatAreNotTheTokens() throws Exception {
    ObjectNode truncation = root.putObject("truncation");
    truncation.put("originalTokens", 40);
    truncation.put("keptTokens", 3);

    assertMentions(
        error(),
        "truncation.keptTokens is 3 but the self attention has "
            + SyntheticAttention.CAT_SAT.size()
            + " tokens");
  }

  /** Issue 17: cross attention over an empty encoder input was accepted. */
  @Test
  void crossAttentionWithoutKeyTokens() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AttentionJson.write(SyntheticAttention.encoderDecoder(false), bytes);
    root = (ObjectNode) MAPPER.readTree(bytes.toByteArray());
    ArrayNode kinds = (ArrayNode) root.get("attention");
    kinds.remove(0); // the encoder: cross attention alone names its keys
    ObjectNode cross = (ObjectNode) kinds.get(1);
    assertEquals("cross", cross.get("kind").asText());
    cross.putArray("keyTokens");
    cross.putArray("keySpecial");
    cross.remove("keyWords");
    for (var layer : cross.get("weights")) {
      for (var head : layer) {
        for (var row : head) {
          ((ArrayNode) row).removeAll();
        }
      }
    }

    assertMentions(error(), "cross attention has no key tokens, so its queries attend to nothing");
  }

  @Test
  void readsTheValidFileTheseTestsStartFrom() throws Exception {
    assertEquals(
        SyntheticAttention.single(true), AttentionJson.read(save(MAPPER.writeValueAsString(root))));
  }

  private String bare(String value) throws IOException {
    return MAPPER.writeValueAsString(root).replace("\"" + BARE + "\"", value);
  }

  private String error() throws IOException {
    return error(MAPPER.writeValueAsString(root));
  }

  private String error(String json) throws IOException {
    Path file = save(json);
    return FileErrors.messageOf(file, () -> AttentionFiles.read(file));
  }

  private Path save(String json) throws IOException {
    Path file = Files.createTempFile(dir, "bad", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
