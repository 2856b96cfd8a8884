package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttentionRequestTest {

  @Test
  void defaultsAreOneSentenceNoVectorsReject() {
    AttentionRequest request = AttentionRequest.of("hi");

    assertEquals("hi", request.textA());
    assertEquals(Optional.empty(), request.textB());
    assertFalse(request.queriesAndKeys());
    assertEquals(OverflowPolicy.REJECT, request.overflow());
  }

  @Test
  void blankTextBMeansNoPair() {
    assertEquals(
        Optional.empty(), AttentionRequest.builder().setTextA("a").optTextB("  ").build().textB());
    assertEquals(
        Optional.of("b"), AttentionRequest.builder().setTextA("a").optTextB("b").build().textB());
  }

  @Test
  void textAIsRequired() {
    assertThrows(NullPointerException.class, () -> AttentionRequest.builder().build());
  }

  @Test
  void equalityCoversEveryOption() {
    AttentionRequest a =
        AttentionRequest.builder().setTextA("a").optTextB("b").optQueriesAndKeys(true).build();

    assertEquals(
        a, AttentionRequest.builder().setTextA("a").optTextB("b").optQueriesAndKeys(true).build());
    assertEquals(
        a.hashCode(),
        AttentionRequest.builder()
            .setTextA("a")
            .optTextB("b")
            .optQueriesAndKeys(true)
            .build()
            .hashCode());
    assertNotEquals(a, AttentionRequest.builder().setTextA("a").optTextB("b").build());
    assertNotEquals(
        a,
        AttentionRequest.builder()
            .setTextA("a")
            .optTextB("b")
            .optQueriesAndKeys(true)
            .optOverflow(OverflowPolicy.TRUNCATE)
            .build());
  }

  @Test
  void modelSourcesCarryPathAndOptions() {
    ModelSource source =
        ModelSource.of(Path.of("model"))
            .withOption(ModelSource.ATTENTION_PATTERN, "layer_(?<layer>\\d+)");

    assertTrue(ModelSource.embeddedDefault().isEmbeddedDefault());
    assertFalse(source.isEmbeddedDefault());
    assertEquals(Optional.of(Path.of("model")), source.path());
    assertEquals(Optional.of("layer_(?<layer>\\d+)"), source.option(ModelSource.ATTENTION_PATTERN));
    assertEquals(
        Optional.empty(), ModelSource.of(Path.of("model")).option(ModelSource.ATTENTION_PATTERN));
    assertThrows(UnsupportedOperationException.class, () -> source.options().clear());
    assertNotEquals(ModelSource.of(Path.of("model")), source);
  }
}
