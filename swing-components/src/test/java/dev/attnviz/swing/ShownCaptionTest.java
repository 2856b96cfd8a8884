package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionViewModel;
import org.junit.jupiter.api.Test;

class ShownCaptionTest {

  private static AttentionData data(Truncation truncation) {
    AttentionData.Builder builder =
        SyntheticAttention.single(false).toBuilder().setModel(new ModelInfo("m", "djl", false));
    if (truncation != null) {
      builder.optTruncation(truncation);
    }
    return builder.build();
  }

  @Test
  void saysModelBackendSourceAndTokens() {
    int tokens = SyntheticAttention.CAT_SAT.size();
    assertEquals(
        "m \u00b7 djl \u00b7 The cat sat. \u00b7 " + tokens + " tokens",
        ShownCaption.describe(data(null), "  The cat\n sat.  "));
    assertEquals(
        "m \u00b7 djl \u00b7 " + tokens + " tokens", ShownCaption.describe(data(null), ""));
  }

  @Test
  void saysWhenTheInputWasTruncatedAndCutsLongSources() {
    int tokens = SyntheticAttention.CAT_SAT.size();
    String caption = ShownCaption.describe(data(new Truncation(433, tokens)), "x".repeat(200));
    assertEquals(
        "m \u00b7 djl \u00b7 "
            + "x".repeat(ShownCaption.MAX_SOURCE_CHARS - 1)
            + "\u2026 \u00b7 "
            + tokens
            + " tokens (truncated from 433)",
        caption);
  }

  @Test
  void followsTheModelAndMarksAStaleResult() {
    AttentionViewModel model = new AttentionViewModel();
    ShownCaption caption = new ShownCaption(model);
    assertEquals("Nothing shown yet", caption.getText());
    caption.setSource("file.json");
    model.setData(data(null));
    String current = ShownCaption.describe(model.data(), "file.json");
    assertEquals(current, caption.getText());
    caption.setStale(true);
    assertEquals("Previous result: " + current + " (the last request failed)", caption.getText());
    caption.setStale(false);
    caption.setNote("saved by the last run");
    assertEquals(current + " (saved by the last run)", caption.getText());
    caption.setNote(null);
    assertEquals(current, caption.getText());
    caption.dispose();
    model.setData(data(new Truncation(100, SyntheticAttention.CAT_SAT.size())));
    assertEquals(current, caption.getText(), "a disposed caption no longer follows the model");
  }
}
