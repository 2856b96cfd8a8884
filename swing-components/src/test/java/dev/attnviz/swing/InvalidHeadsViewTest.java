package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;

/**
 * A large dump's heads are checked when first looked at, so a view may meet a head with invalid
 * weights while it draws. Every view that draws a head's weights leaves such a head out and says
 * so, instead of drawing a weight of 3 as a full line and NaN as none (before: the head view and
 * the neuron view drew them silently; only the model view's grid crossed them out).
 */
@OnEdt
class InvalidHeadsViewTest {

  private static final int TOKENS = 6;
  private static final Dimension SIZE = new Dimension(900, 400);

  /** Head 0: each token attends to itself (strong lines); head 1 holds a NaN, head 2 a 3. */
  private static AttentionData data() {
    Tensor4D.Builder weights = Tensor4D.builder(1, 3, TOKENS, TOKENS);
    for (int i = 0; i < TOKENS; i++) {
      weights.set(0, 0, i, i, 1f);
      for (int j = 0; j < TOKENS; j++) {
        weights.set(0, 1, i, j, 1f / TOKENS);
        weights.set(0, 2, i, j, 1f / TOKENS);
      }
    }
    weights.set(0, 1, 2, 3, Float.NaN);
    weights.set(0, 2, 1, 1, 3f);
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(List.of("a", "b", "c", "d", "e", "f")))
            .setWeights(weights.build())
            .deferValueChecks() // as for a dump of more than 2^26 floats
            .build();
    return AttentionData.builder()
        .setModel(new ModelInfo("tiny", "test", false))
        .addAttention(attention)
        .build();
  }

  private static BufferedImage paint(JComponent view) {
    view.setSize(SIZE);
    return Pixels.paint(view, 1);
  }

  /** Pixels of a clear hue (lines in a head's colour, or the red note), not grey text. */
  private static int colourful(BufferedImage image, Color except) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = Pixels.at(image, x, y);
        int spread =
            Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        if (spread > 60 && (except == null || Pixels.distance(c, except) > 90)) {
          count++;
        }
      }
    }
    return count;
  }

  private static int redNote(BufferedImage image, Color negative) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.distance(Pixels.at(image, x, y), negative) < 40) {
          count++;
        }
      }
    }
    return count;
  }

  private static HeadView headView(AttentionSelectionModel selection) {
    HeadView view = new HeadView(new AttentionViewModel(data()), selection);
    view.setControlsVisible(false);
    return view;
  }

  @Test
  void findsTheInvalidHeadsNamesThemAndKeepsTheOthers() {
    ShownAttention shown =
        ShownAttention.of(new AttentionViewModel(data()), new AttentionSelectionModel()).get();

    InvalidHeads invalid = InvalidHeads.among(shown, 0, new int[] {0, 1, 2});

    assertArrayEquals(new int[] {0}, invalid.drawable(new int[] {0, 1, 2}));
    String note = invalid.note();
    assertTrue(note.startsWith("Not drawn: heads 1, 2 of layer 0"), note);
    assertTrue(note.contains("[layer 0][head 1][2][3] is NaN"), note);
    assertTrue(InvalidHeads.among(shown, 0, new int[] {0}).isEmpty());
    assertEquals("", InvalidHeads.among(shown, 0, new int[] {0}).note());
  }

  @Test
  void theHeadViewLeavesInvalidHeadsOutAndSaysSo() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = headView(selection);
    Color negative = ViewColors.fromUIManager().negative();

    selection.jumpToHead(new LayerHead(0, 0));
    BufferedImage valid = paint(view);
    selection.jumpToHead(new LayerHead(0, 2));
    BufferedImage invalid = paint(view);

    assertEquals(0, redNote(valid, negative), "a valid head needs no note");
    assertTrue(colourful(valid, negative) > 100, "head 0's lines are drawn");
    assertTrue(redNote(invalid, negative) > 50, "the note is written");
    assertEquals(0, colourful(invalid, negative), "no line of head 2 is drawn");
    MouseEvent hover =
        new MouseEvent(view, MouseEvent.MOUSE_MOVED, 0, 0, SIZE.width / 2, 150, 0, false);
    assertTrue(view.getToolTipText(hover).startsWith("Not drawn: head 2"), "the tooltip says why");
    view.setSize(view.getPreferredSize());
    assertTrue(
        redNote(ViewExporter.toImage(view, 1), negative) > 50, "an exported picture says it too");
  }

  @Test
  void theHeadViewsHeatmapAveragesOnlyTheValidHeads() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = headView(selection);
    view.setDisplayMode(DisplayMode.HEATMAP);

    selection.jumpToHead(new LayerHead(0, 2));
    BufferedImage invalid = paint(view);

    assertTrue(redNote(invalid, ViewColors.fromUIManager().negative()) > 50, "the note is written");
  }

  @Test
  void theNeuronViewShowsTheNoteInsteadOfAnInvalidHead() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    NeuronView view = new NeuronView(new AttentionViewModel(data()), selection);
    view.setControlsVisible(false);

    selection.jumpToHead(new LayerHead(0, 0));
    int valid = colourful(paint(view), null);
    selection.jumpToHead(new LayerHead(0, 1));
    int invalid = colourful(paint(view), null);

    assertTrue(valid > 100, "head 0's lines are drawn: " + valid);
    assertEquals(0, invalid, "nothing of head 1 is drawn");
  }
}
