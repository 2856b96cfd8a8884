package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.testing.HfExports;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Readable tokens. Expected strings were made with Python's reference {@code bytes_to_unicode}
 * (GPT-2's encoder.py): {@code " café"} is {@code Ġcaf\u00c3\u00a9}, {@code 文} is {@code
 * \u00e6\u0138\u0129}.
 */
class TokenPrettifierTest {

  @Test
  void decodesByteLevelPiecesAsUtf8() {
    assertEquals(" caf\u00e9", TokenPrettifier.prettify("\u0120caf\u00c3\u00a9"));
    assertEquals("\u00e9", TokenPrettifier.prettify("\u00c3\u00a9"));
    assertEquals("\u6587", TokenPrettifier.prettify("\u00e6\u0138\u0129"));
    assertEquals(" tort", TokenPrettifier.prettify("\u0120tort"));
  }

  @Test
  void aPieceHoldingPartOfACharacterShowsAReplacementMark() {
    // 文 split over two pieces, in a byte-level sequence (it has a Ġ).
    assertEquals(
        List.of(" a", "\ufffd", "\ufffd"),
        TokenPrettifier.prettifyAll(List.of("\u0120a", "\u00e6", "\u0138\u0129")));
  }

  @Test
  void otherTokenizersKeepTheirPieces() {
    assertEquals(" Das", TokenPrettifier.prettify("\u2581Das"));
    assertEquals("cat", TokenPrettifier.prettify("cat</w>"));
    assertEquals("##to", TokenPrettifier.prettify("##to"));
    // WordPiece keeps accents; Latin-1 that is not UTF-8 is not byte-level.
    assertEquals("caf\u00e9", TokenPrettifier.prettify("caf\u00e9"));
    assertEquals(
        List.of("[CLS]", "caf\u00e9"), TokenPrettifier.prettifyAll(List.of("[CLS]", "caf\u00e9")));
  }

  @Test
  void aBlankPieceShowsVisibleMarks() {
    assertEquals("\u2423", TokenPrettifier.prettify("\u0120"));
    assertEquals("\u21b5", TokenPrettifier.prettify("\u010a"));
    assertEquals("\u2423", TokenPrettifier.prettify("\u2581"));
  }

  @Test
  void gpt2TinyTokensReadAsTheirText() throws Exception {
    JsonNode golden =
        new ObjectMapper()
            .readTree(HfExports.folder("gpt2-tiny-hf").resolve("golden/cat.json").toFile());
    List<String> tokens = new ArrayList<>();
    golden.path("kinds").path("self").path("queryTokens").forEach(t -> tokens.add(t.asText()));
    String joined = String.join("", TokenPrettifier.prettifyAll(tokens));
    assertEquals(golden.path("source").asText(), joined);
  }

  @Test
  void theByteTableMatchesTheTokenizersAlphabet() throws Exception {
    JsonNode vocab =
        new ObjectMapper()
            .readTree(HfExports.folder("gpt2-tiny-hf").resolve("tokenizer.json").toFile())
            .path("model")
            .path("vocab");
    List<String> alphabet = new ArrayList<>();
    vocab
        .fieldNames()
        .forEachRemaining(
            t -> {
              if (t.length() == 1) {
                alphabet.add(t);
              }
            });
    assertEquals(256, alphabet.size(), "GPT-2's base vocabulary is one piece per byte");
    List<String> shown = new ArrayList<>();
    for (String piece : alphabet) {
      shown.add(TokenPrettifier.prettifyAll(List.of("\u0120", piece)).get(1));
    }
    // 95 ASCII bytes print as themselves or a mark, 33 controls as themselves, the 128 high bytes
    // are partial characters.
    assertEquals(128, shown.stream().filter("\ufffd"::equals).count());
    Set<String> ascii = new HashSet<>(shown);
    for (int b = 0x21; b < 0x7f; b++) {
      assertEquals(true, ascii.contains(String.valueOf((char) b)), "byte " + b);
    }
    assertEquals(true, ascii.contains("\u2423"), "the space byte");
  }
}
