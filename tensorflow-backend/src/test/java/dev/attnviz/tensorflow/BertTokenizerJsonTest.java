package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated tokenizer configuration, loaded into the Hugging Face library. */
class BertTokenizerJsonTest {

  @TempDir Path temp;

  private Path vocab(String... tokens) throws IOException {
    return Files.write(temp.resolve("vocab.txt"), List.of(tokens));
  }

  private static List<String> tokens(byte[] config, String a, String b) throws IOException {
    try (HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(config), Map.of())) {
      Encoding encoding = b == null ? tokenizer.encode(a) : tokenizer.encode(a, b);
      return List.of(encoding.getTokens());
    }
  }

  @Test
  void uncasedLowerCasesAndStripsAccents() throws IOException {
    Path vocab = vocab("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "cafe", "##s");

    assertEquals(
        List.of("[CLS]", "hello", "cafe", "##s", "[SEP]"),
        tokens(BertTokenizerJson.generate(vocab, true), "HELLO Cafés", null));
  }

  @Test
  void casedKeepsCaseAndAccents() throws IOException {
    Path vocab = vocab("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "Hello", "Café");

    assertEquals(
        List.of("[CLS]", "Hello", "Café", "[UNK]", "[SEP]"),
        tokens(BertTokenizerJson.generate(vocab, false), "Hello Café HELLO", null));
  }

  @Test
  void pairsGetTheBertTemplateAndSpecialTokensTypedInTextStayWhole() throws IOException {
    Path vocab = vocab("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b");

    assertEquals(
        List.of("[CLS]", "a", "[MASK]", "[SEP]", "b", "[SEP]"),
        tokens(BertTokenizerJson.generate(vocab, true), "a [MASK]", "b"));
  }

  @Test
  void aVocabularyWithoutBertTokensIsRefused() throws IOException {
    Path vocab = vocab("<s>", "</s>", "hello");

    IOException e = assertThrows(IOException.class, () -> BertTokenizerJson.generate(vocab, true));

    assertTrue(e.getMessage().contains("has no [CLS] token"), e.getMessage());
  }
}
