package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON as other tools write it: Python's json module, any field order, no token details. */
class JsonReadingTest {

  @TempDir Path dir;

  /** A file as Python's json.dump(..., sort_keys=True) writes it: "attention" comes first. */
  private static final String PYTHON_SORTED =
      """
      {"attention": [{"keyTokens": ["[CLS]", "hi", "##s", "[SEP]"], "kind": "self",
        "queryTokens": ["[CLS]", "hi", "##s", "[SEP]"], "queries": null,
        "weights": [[[[1, 0, 0, 0], [0.5, 0.5, 0, 0], [0.25, 0.25, 0.25, 0.25],
                      [0.10000000149011612, 0.2, 3e-1, 4E-1]]]]}],
       "format": "attnviz", "extra": {"anything": [1, 2, {"x": null}]},
       "model": {"backend": "pytorch", "causal": false, "name": "bert", "revision": "abc"},
       "sentenceBStart": null, "version": 1}
      """;

  @Test
  void readsFieldsInAnyOrderAndIgnoresUnknownOnes() throws Exception {
    AttentionData data = AttentionJson.read(write(PYTHON_SORTED));

    assertEquals("bert", data.model().name());
    assertEquals("pytorch", data.model().backend());
    assertEquals(1, data.primary().layerCount());
    assertFalse(data.hasVectors());
    assertEquals(0.5f, data.primary().weight(0, 0, 1, 0));
    assertEquals(
        0.1f, data.primary().weight(0, 0, 3, 0), "a float64 text reads as the nearest float");
    assertEquals(0.3f, data.primary().weight(0, 0, 3, 2));
  }

  @Test
  void infersSpecialTokensAndWordsWhenTheFileHasNone() throws Exception {
    Tokens tokens = AttentionJson.read(write(PYTHON_SORTED)).primary().queryTokens();

    assertEquals(Tokens.of(List.of("[CLS]", "hi", "##s", "[SEP]")), tokens);
    assertTrue(tokens.isSpecial(0));
    assertEquals(tokens.wordOf(1), tokens.wordOf(2));
  }

  @Test
  void takesGivenSpecialFlagsAndInfersTheWords() throws Exception {
    String json =
        PYTHON_SORTED.replace(
            "\"kind\": \"self\",",
            "\"kind\": \"self\", \"querySpecial\": [false, false, false, true],");

    Tokens tokens = AttentionJson.read(write(json)).primary().queryTokens();

    assertFalse(tokens.isSpecial(0));
    assertTrue(tokens.isSpecial(3));
    assertArrayEquals(Tokens.of(tokens.strings()).wordIndexes(), tokens.wordIndexes());
  }

  @Test
  void takesGivenWordsAndInfersTheSpecialFlags() throws Exception {
    String json =
        PYTHON_SORTED.replace(
            "\"kind\": \"self\",", "\"kind\": \"self\", \"keyWords\": [0, 1, 2, 3],");

    AttentionData data = AttentionJson.read(write(json));

    assertEquals(3, data.primary().keyTokens().wordOf(3));
    assertTrue(data.primary().keyTokens().isSpecial(0));
    assertEquals(2, data.primary().queryTokens().wordOf(3), "query words are still inferred");
  }

  @Test
  void readsAFileWithAByteOrderMark() throws Exception {
    Path file = dir.resolve("bom.json");
    Files.write(file, ("\uFEFF" + PYTHON_SORTED).getBytes(StandardCharsets.UTF_8));

    assertEquals("bert", AttentionFiles.read(file).model().name());
  }

  private Path write(String json) throws Exception {
    Path file = Files.createTempFile(dir, "python", ".json");
    Files.writeString(file, json);
    return file;
  }
}
