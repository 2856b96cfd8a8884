package dev.attnviz.tensorflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the standard Hugging Face {@code tokenizer.json} of a BERT WordPiece tokenizer for a
 * {@code vocab.txt}, so that the Hugging Face {@code tokenizers} library does all the tokenizing:
 * BERT normalizer (clean text, spaces around CJK characters, lower case and accent stripping for
 * uncased models), BERT pre-tokenizer (whitespace and punctuation), WordPiece with {@code ##}
 * continuations, and {@code [CLS] A [SEP] B [SEP]} with type ids 0 and 1.
 */
final class BertTokenizerJson {

  /** The special tokens of BERT vocabularies, in their usual order. */
  static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BertTokenizerJson() {}

  /**
   * Returns the tokenizer configuration for the vocabulary in {@code vocabFile} (one token per
   * line, the line number is the id).
   *
   * @param lowerCase whether the model is uncased (lower-cases and strips accents)
   * @throws IOException if the file cannot be read, or lacks [CLS], [SEP] or [UNK]
   */
  static byte[] generate(Path vocabFile, boolean lowerCase) throws IOException {
    Map<String, Integer> vocab = readVocab(vocabFile);
    for (String required : List.of("[CLS]", "[SEP]", "[UNK]")) {
      if (!vocab.containsKey(required)) {
        throw new IOException(
            vocabFile + " has no " + required + " token; is it a BERT vocabulary?");
      }
    }
    ObjectNode root = JSON.objectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    root.set("added_tokens", addedTokens(vocab));
    root.set(
        "normalizer",
        JSON.objectNode()
            .put("type", "BertNormalizer")
            .put("clean_text", true)
            .put("handle_chinese_chars", true)
            // null: strip accents exactly when lower-casing, as BERT's own tokenizer does.
            .putNull("strip_accents")
            .put("lowercase", lowerCase));
    root.set("pre_tokenizer", JSON.objectNode().put("type", "BertPreTokenizer"));
    root.set("post_processor", postProcessor(vocab));
    root.set(
        "decoder",
        JSON.objectNode().put("type", "WordPiece").put("prefix", "##").put("cleanup", true));
    ObjectNode model =
        JSON.objectNode()
            .put("type", "WordPiece")
            .put("unk_token", "[UNK]")
            .put("continuing_subword_prefix", "##")
            .put("max_input_chars_per_word", 100);
    ObjectNode vocabNode = model.putObject("vocab");
    vocab.forEach(vocabNode::put);
    root.set("model", model);
    return new ObjectMapper().writeValueAsBytes(root);
  }

  /** Token to id; like WordPiece's own reader, trailing whitespace is dropped, last line wins. */
  private static Map<String, Integer> readVocab(Path vocabFile) throws IOException {
    List<String> lines = Files.readAllLines(vocabFile, StandardCharsets.UTF_8);
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int id = 0; id < lines.size(); id++) {
      vocab.put(lines.get(id).stripTrailing(), id);
    }
    return vocab;
  }

  /** The special tokens, so that "[SEP]" typed in a text is one token, as in BERT's own files. */
  private static ArrayNode addedTokens(Map<String, Integer> vocab) {
    ArrayNode tokens = JSON.arrayNode();
    for (String special : SPECIAL_TOKENS) {
      Integer id = vocab.get(special);
      if (id != null) {
        tokens
            .addObject()
            .put("id", id)
            .put("content", special)
            .put("single_word", false)
            .put("lstrip", false)
            .put("rstrip", false)
            .put("normalized", false)
            .put("special", true);
      }
    }
    return tokens;
  }

  private static ObjectNode postProcessor(Map<String, Integer> vocab) {
    ObjectNode processor = JSON.objectNode().put("type", "TemplateProcessing");
    ArrayNode single = processor.putArray("single");
    special(single, "[CLS]", 0);
    sequence(single, "A", 0);
    special(single, "[SEP]", 0);
    ArrayNode pair = processor.putArray("pair");
    special(pair, "[CLS]", 0);
    sequence(pair, "A", 0);
    special(pair, "[SEP]", 0);
    sequence(pair, "B", 1);
    special(pair, "[SEP]", 1);
    ObjectNode specials = processor.putObject("special_tokens");
    for (String token : List.of("[CLS]", "[SEP]")) {
      ObjectNode entry = specials.putObject(token).put("id", token);
      entry.putArray("ids").add(vocab.get(token));
      entry.putArray("tokens").add(token);
    }
    return processor;
  }

  private static void special(ArrayNode template, String token, int typeId) {
    template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
  }

  private static void sequence(ArrayNode template, String id, int typeId) {
    template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
  }
}
