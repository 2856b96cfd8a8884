package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken model folders refused at open with a clear message, before expensive work. */
class EarlyRefusalTest {

  @TempDir Path temp;

  private Path copyOfBertTiny() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("bert"));
    try (Stream<Path> files = Files.list(HfExports.folder("bert-tiny-hf-fixed"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    return folder;
  }

  @Test
  void aFileThatIsNotOnnxIsRefusedBeforeItIsHashed() throws Exception {
    Path folder = copyOfBertTiny();
    Files.writeString(folder.resolve("model.onnx"), "{\"not\": \"onnx\"}".repeat(100_000));
    Path cache = temp.resolve("cache");

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> new DjlProviderFactory(cache).open(ModelSource.of(folder)));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().contains("it is not an ONNX model (it starts with the bytes 7b 22 6e 6f)"),
        e.getMessage());
    assertTrue(!Files.exists(cache), "nothing was hashed into the cache");
  }

  @Test
  void aModelMaxLengthThatIsNoTokenCountIsRefusedClearly() throws Exception {
    for (String value : new String[] {"0", "0.5"}) {
      Path folder = copyOfBertTiny();
      Files.writeString(
          folder.resolve("tokenizer_config.json"), "{\"model_max_length\": " + value + "}");

      AttentionException e =
          assertThrows(
              AttentionException.class,
              () -> new DjlProviderFactory(temp.resolve("cache")).open(ModelSource.of(folder)));

      assertEquals(Reason.MODEL_INVALID, e.reason());
      assertTrue(
          e.getMessage()
              .endsWith(
                  "tokenizer_config.json says model_max_length is "
                      + value
                      + ", which is not a token count: it must be a whole number of at least 2."
                      + " Correct or remove it, or set the model option maxTokens."),
          e.getMessage());
      deleteTree(folder);
    }
  }

  @Test
  void optimumsDecoderOpenedAloneIsNamedAsTheDecoderHalf() {
    Path decoder = HfExports.folder("bart-tiny-hf-optimum").resolve("decoder_model.onnx");

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () ->
                new DjlProviderFactory(temp.resolve("cache"))
                    .open(
                        ModelSource.of(decoder)
                            .withOption(
                                ModelSource.ATTENTION_PATTERN,
                                "/d/layers\\.(?<layer>\\d+)/self_attn/Softmax_output_0")));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().contains("It is the decoder half of an encoder-decoder export"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("past key values"), e.getMessage());
  }

  @Test
  void eitherHalfOfOptimumsLayoutOpensTheWholeModel() throws Exception {
    Path folder = HfExports.folder("bart-tiny-hf-optimum");
    for (String half : new String[] {"encoder_model.onnx", "decoder_model.onnx"}) {
      try (AttentionProvider provider =
          new DjlProviderFactory(temp.resolve("cache"))
              .open(ModelSource.of(folder.resolve(half)))) {
        assertEquals(
            List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
            provider.compute(AttentionRequest.of("The cat")).kindList());
      }
    }
  }

  private static void deleteTree(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(file);
      }
    }
  }
}
