package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User SavedModels, with small graphs exported by TensorFlow Java (see {@link TinySavedModel}):
 * attention found by name patterns, in layer order, only where the fed inputs drive it; queries and
 * keys split into heads; clear errors when nothing matches.
 */
class CustomModelTest {

  /** Ids of "[CLS] the cat sat [SEP]" followed by padding, as fed to the tiny model. */
  private static final int[] FED_IDS = {2, 5, 6, 7, 3, 0, 0, 0};

  private static final AttentionRequest THE_CAT_SAT =
      AttentionRequest.builder().setTextA("the cat sat").optQueriesAndKeys(true).build();

  @TempDir Path temp;

  private final TensorFlowProviderFactory factory = new TensorFlowProviderFactory();

  private static String huggingFaceScope(int layer) {
    return "tf_bert_model/bert/encoder/layer_._" + layer + "/attention/self";
  }

  @Test
  void findsHuggingFaceNamedLayersInOrderAndIgnoresCopiesTheInputsDoNotDrive() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("tiny-hf"), 3, l -> huggingFaceScope(l), true);

    try (AttentionProvider provider = factory.open(ModelSource.of(model))) {
      AttentionData data = provider.compute(THE_CAT_SAT);

      assertEquals("tiny-hf", provider.model().name());
      assertEquals(8, provider.maxTokens());
      assertTrue(provider.capabilities().contains(Capability.QUERY_KEY_VECTORS));
      assertTrue(provider.capabilities().contains(Capability.SENTENCE_PAIRS));
      assertFakeAttention(data.primary(), 3);
      assertFakeVectors(data.primary(), 3);
    }
  }

  @Test
  void findsGoogleBertNamedLayers() throws Exception {
    Path model =
        TinySavedModel.export(
            temp.resolve("tiny-google"),
            2,
            l -> "bert/encoder/layer_" + l + "/attention/self",
            false);

    assertFindsTheFakeLayers(ModelSource.of(model), 2);
  }

  @Test
  void userPatternsFindAttentionWithOtherNames() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("blocks"), 2, l -> "block_" + l, false);
    ModelSource source =
        ModelSource.of(model)
            .withOption(ModelSource.ATTENTION_PATTERN, "block_(?<layer>\\d+)/Softmax")
            .withOption(ModelSource.QUERY_PATTERN, "block_(?<layer>\\d+)/query/BiasAdd")
            .withOption(ModelSource.KEY_PATTERN, "block_(?<layer>\\d+)/key/BiasAdd");

    assertFindsTheFakeLayers(source, 2);
  }

  private void assertFindsTheFakeLayers(ModelSource source, int layers) throws AttentionException {
    try (AttentionProvider provider = factory.open(source)) {
      AttentionData data = provider.compute(THE_CAT_SAT);

      assertFakeAttention(data.primary(), layers);
      assertFakeVectors(data.primary(), layers);
    }
  }

  @Test
  void withoutQueryAndKeyPatternsVectorsAreRefusedClearly() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("blocks"), 1, l -> "block_" + l, false);
    ModelSource source =
        ModelSource.of(model)
            .withOption(ModelSource.ATTENTION_PATTERN, "block_(?<layer>\\d+)/Softmax");

    try (AttentionProvider provider = factory.open(source)) {
      assertFalse(provider.capabilities().contains(Capability.QUERY_KEY_VECTORS));
      assertFakeAttention(provider.compute(AttentionRequest.of("the cat sat")).primary(), 1);
      AttentionException e =
          assertThrows(AttentionException.class, () -> provider.compute(THE_CAT_SAT));
      assertEquals(Reason.UNSUPPORTED, e.reason());
      assertTrue(e.getMessage().contains("queryPattern"), e.getMessage());
    }
  }

  @Test
  void aSavedModelWithoutAttentionListsThePatternsTriedAndTheOperationsSeen() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("plain"), 0, l -> "unused", false);

    AttentionException e =
        assertThrows(AttentionException.class, () -> factory.open(ModelSource.of(model)));

    assertEquals(Reason.NO_ATTENTION, e.reason());
    String message = e.getMessage();
    assertTrue(message.startsWith("No attention tensors found in plain."), message);
    assertTrue(message.contains("Google BERT: " + TensorPatterns.GOOGLE_BERT.attention()), message);
    assertTrue(
        message.contains("Hugging Face TF: " + TensorPatterns.HUGGING_FACE.attention()), message);
    assertTrue(message.contains("Operations seen: "), message);
    assertTrue(message.contains("input_ids"), message);
    assertTrue(message.contains("Softmax operations: none"), message);
    assertTrue(message.contains("'attentionPattern'"), message);
  }

  @Test
  void attentionWithOtherNamesIsNotFoundByTheBuiltInPatterns() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("blocks"), 2, l -> "block_" + l, false);

    AttentionException e =
        assertThrows(AttentionException.class, () -> factory.open(ModelSource.of(model)));

    assertEquals(Reason.NO_ATTENTION, e.reason());
    assertTrue(e.getMessage().contains("block_0/Softmax"), e.getMessage());
  }

  @Test
  void badPatternOptionsAreRefusedBeforeLoading() {
    ModelSource noGroup =
        ModelSource.of(temp).withOption(ModelSource.ATTENTION_PATTERN, "layer_\\d+/Softmax");
    ModelSource broken = ModelSource.of(temp).withOption(ModelSource.QUERY_PATTERN, "(unclosed");

    AttentionException first = assertThrows(AttentionException.class, () -> factory.open(noGroup));
    AttentionException second = assertThrows(AttentionException.class, () -> factory.open(broken));

    assertEquals(Reason.MODEL_INVALID, first.reason());
    assertTrue(first.getMessage().contains("has no group for the layer index"), first.getMessage());
    assertEquals(Reason.MODEL_INVALID, second.reason());
    assertTrue(
        second.getMessage().contains("is not a valid regular expression"), second.getMessage());
  }

  @Test
  void aPatternThatPicksScoresInsteadOfProbabilitiesFailsTheComputeClearly() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("blocks"), 1, l -> "block_" + l, false);
    ModelSource source =
        ModelSource.of(model)
            .withOption(ModelSource.ATTENTION_PATTERN, "block_(?<layer>\\d+)/Scores");

    try (AttentionProvider provider = factory.open(source)) {
      AttentionException e =
          assertThrows(
              AttentionException.class, () -> provider.compute(AttentionRequest.of("the cat sat")));

      assertEquals(Reason.INFERENCE_FAILED, e.reason());
      assertTrue(
          e.getMessage().startsWith("blocks computed attention that is not a probability ("),
          e.getMessage());
      assertTrue(e.getMessage().contains("attentionPattern"), e.getMessage());
    }
  }

  @Test
  void overlongInputIsRejectedOrTruncatedAsTheRequestSays() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("tiny"), 1, l -> huggingFaceScope(l), false);
    String sevenWords = "the cat sat the cat sat the";

    try (AttentionProvider provider = factory.open(ModelSource.of(model))) {
      AttentionException e =
          assertThrows(
              AttentionException.class, () -> provider.compute(AttentionRequest.of(sevenWords)));
      AttentionData data =
          provider.compute(
              AttentionRequest.builder()
                  .setTextA(sevenWords)
                  .optOverflow(OverflowPolicy.TRUNCATE)
                  .build());

      assertEquals(Reason.INPUT_TOO_LONG, e.reason());
      assertEquals(
          "The input has 9 tokens but tiny takes at most 8. Shorten the text, or allow"
              + " truncation to keep the first 8.",
          e.getMessage());
      assertEquals(9, data.truncation().orElseThrow().originalTokenCount());
      assertEquals(8, data.truncation().orElseThrow().keptTokenCount());
      assertEquals(
          List.of("[CLS]", "the", "cat", "sat", "the", "cat", "sat", "[SEP]"),
          data.primary().queryTokens().strings());
    }
  }

  @Test
  void aMissingTokenizerIsNamed() throws Exception {
    Path model = TinySavedModel.export(temp.resolve("tiny"), 1, l -> huggingFaceScope(l), false);
    Files.delete(model.resolve("assets").resolve("vocab.txt"));

    AttentionException e =
        assertThrows(AttentionException.class, () -> factory.open(ModelSource.of(model)));

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertTrue(e.getMessage().startsWith("No tokenizer found for "), e.getMessage());
    assertTrue(e.getMessage().contains("tokenizer.json or a BERT vocab.txt"), e.getMessage());
  }

  /** weights[l][h][i][j] = softmax over all 8 fed positions of ids * factor(l), at key j. */
  private static void assertFakeAttention(Attention attention, int layers) {
    Tensor4D weights = attention.weights();
    assertEquals("[" + layers + ", 2, 5, 5]", weights.shape());
    assertEquals(List.of("[CLS]", "the", "cat", "sat", "[SEP]"), attention.queryTokens().strings());
    for (int l = 0; l < layers; l++) {
      double sum = 0;
      for (int id : FED_IDS) {
        sum += Math.exp(id * TinySavedModel.factor(l));
      }
      for (int h = 0; h < 2; h++) {
        for (int i = 0; i < 5; i++) {
          for (int j = 0; j < 5; j++) {
            double expected = Math.exp(FED_IDS[j] * TinySavedModel.factor(l)) / sum;
            assertEquals(expected, weights.get(l, h, i, j), 1e-6, "layer " + l);
          }
        }
      }
    }
  }

  /** q[t][c] = id_t * (c + 1) * factor(l) + c, split into 2 heads of 2; k = -q. */
  private static void assertFakeVectors(Attention attention, int layers) {
    Tensor4D queries = attention.queries().orElseThrow();
    Tensor4D keys = attention.keys().orElseThrow();
    assertEquals("[" + layers + ", 2, 5, 2]", queries.shape());
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < 2; h++) {
        for (int t = 0; t < 5; t++) {
          for (int d = 0; d < 2; d++) {
            int c = h * 2 + d;
            double expected = FED_IDS[t] * (c + 1) * TinySavedModel.factor(l) + c;
            assertEquals(expected, queries.get(l, h, t, d), 1e-5);
            assertEquals(-expected, keys.get(l, h, t, d), 1e-5);
          }
        }
      }
    }
  }
}
