package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronMode;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.FaintLines;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nearly uniform attention over hundreds of tokens gives every line an opacity below what a screen
 * shows, so the head view drew an empty picture that looked broken (a GPT-2-medium-sized synthetic
 * dump of 1,024 tokens did). It now says why no line is drawn.
 */
@OnEdt
class FaintLinesTest {

  /** The opacity from which a line can be seen: 4 of 255 steps. */
  private static final float VISIBLE = 4f / 255f;

  /**
   * Two heads over {@code tokens} tokens: every weight 1 / tokens, except that token 0 attends to
   * itself with {@code peak} in head 1 (the rest of its row shares what is left).
   */
  private static AttentionData data(int tokens, float peak) {
    Tensor4D.Builder weights = Tensor4D.builder(1, 2, tokens, tokens);
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < tokens; i++) {
        for (int j = 0; j < tokens; j++) {
          weights.set(0, h, i, j, 1f / tokens);
        }
      }
    }
    for (int j = 0; j < tokens; j++) {
      weights.set(0, 1, 0, j, j == 0 ? peak : (1 - peak) / (tokens - 1));
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      strings.add("t" + i);
    }
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(strings))
            .setWeights(weights.build())
            .build();
    return AttentionData.builder()
        .setModel(new ModelInfo("tiny", "test", false))
        .addAttention(attention)
        .build();
  }

  private static ShownAttention shown(AttentionData data) {
    return ShownAttention.of(new AttentionViewModel(data), new AttentionSelectionModel()).get();
  }

  @Test
  void saysSoWhenNoWeightIsStrongEnoughForALine() {
    FaintLines faint = new FaintLines();
    // 1 / 600 is below the least weight whose line can be seen, and below what is drawn at all.
    ShownAttention uniform = shown(data(600, 1f / 600));
    assertTrue(1f / 600 < VISIBLE && 1f / 600 < TokenColumnsPainter.DEFAULT_MIN_ALPHA);
    String one = faint.note(uniform, 0, new int[] {0});
    assertTrue(one.startsWith("Lines too faint to see: every weight is at most 0.001667"), one);
    String two = faint.note(uniform, 0, new int[] {0, 1});
    assertTrue(two.contains("and 2 heads share a line's opacity"), two);

    // 1 / 40 is seen for one head, but not when two heads halve every line's opacity.
    ShownAttention fewer = shown(data(40, 1f / 40));
    assertTrue(1f / 40 >= VISIBLE && 1f / 80 < VISIBLE);
    assertEquals("", faint.note(fewer, 0, new int[] {0}));
    assertTrue(faint.note(fewer, 0, new int[] {0, 1}).startsWith("Lines too faint"));

    // One weight strong enough makes a line: no note.
    ShownAttention peak = shown(data(600, 0.5f));
    assertEquals("", faint.note(peak, 0, new int[] {0, 1}));
    assertTrue(faint.note(peak, 0, new int[] {0}).startsWith("Lines too faint"));
  }

  /** Lines mode with every line drawn. */
  private static final DrawnLines ALL_DRAWN = new DrawnLines(10, 10, 0.01f);

  @Test
  void theHeadViewAdvisesTheHeatmapForOneHeadAndFewerHeadsForMore() {
    HeadViewNotes notes = new HeadViewNotes();
    ShownAttention uniform = shown(data(600, 1f / 600));
    assertEquals(
        List.of(
            new HeadViewNotes.Note(
                "Lines too faint to see: every weight is at most 0.001667. The heatmap shows them.",
                false)),
        notes.notes(uniform, 0, InvalidHeads.none(), new int[] {0}, ALL_DRAWN));
    String two =
        notes.notes(uniform, 0, InvalidHeads.none(), new int[] {0, 1}, ALL_DRAWN).get(0).text();
    assertTrue(two.endsWith("Show fewer heads, or the heatmap."), two);
    assertTrue(notes.notes(uniform, 0, InvalidHeads.none(), new int[] {0}, null).isEmpty());
  }

  @Test
  void theHeadViewWritesTheNoteAboveItsLinesButNotAboveAHeatmap() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView faint = new HeadView(new AttentionViewModel(data(600, 1f / 600)), selection);
    HeadView drawn = new HeadView(new AttentionViewModel(data(600, 0.5f)), selection);
    for (HeadView view : List.of(faint, drawn)) {
      view.setControlsVisible(false);
      view.setSize(new Dimension(700, 400));
    }
    TokenRef first = TokenRef.query(0);
    int shift = faint.tokenBounds(first).orElseThrow().y - drawn.tokenBounds(first).orElseThrow().y;
    assertTrue(shift > 10, "the tokens move down a line for the note: " + shift);
    // The note is text across the line area, which is otherwise empty in the faint picture.
    assertTrue(darkPixelsAbove(faint, first) > 100, "the note is written");
    assertEquals(0, darkPixelsAbove(drawn, first), "lines are drawn: nothing to say");

    faint.setDisplayMode(DisplayMode.HEATMAP);
    drawn.setDisplayMode(DisplayMode.HEATMAP);
    assertEquals(
        drawn.tokenBounds(first).orElseThrow().y,
        faint.tokenBounds(first).orElseThrow().y,
        "the heatmap shows faint weights: no note");
  }

  @Test
  void anExportIsWideEnoughForTheWholeNote() {
    // The command line exports a view it never sized: the note must not be cut to the columns.
    HeadView faint =
        new HeadView(new AttentionViewModel(data(600, 1f / 600)), new AttentionSelectionModel());
    HeadView drawn =
        new HeadView(new AttentionViewModel(data(600, 0.5f)), new AttentionSelectionModel());
    int extra = faint.exportSize().width - drawn.exportSize().width;
    assertTrue(extra > 100, "the export widens for its note by " + extra);
  }

  @Test
  void theModelViewsDetailSaysSoWhereItsLinesWouldBe() {
    int faint = detailLinePixels(data(600, 1f / 600));
    int drawn = detailLinePixels(data(600, 0.5f));
    // The note's words in the otherwise empty line area, against the one line of weight 0.5.
    assertTrue(faint > 3 * drawn, "the note is written: " + faint + " against " + drawn);
  }

  @Test
  void theNeuronViewCollapsedSaysSoAboveItsLines() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.jumpToHead(new LayerHead(0, 1));
    NeuronView faint = new NeuronView(new AttentionViewModel(data(600, 1f / 600)), selection);
    NeuronView drawn = new NeuronView(new AttentionViewModel(data(600, 0.5f)), selection);
    for (NeuronView view : List.of(faint, drawn)) {
      view.setMode(NeuronMode.COLLAPSED);
    }
    String message = faint.statusMessage().orElseThrow();
    assertTrue(message.startsWith("Lines too faint to see: every weight is at most"), message);
    assertTrue(drawn.statusMessage().isEmpty(), "a line can be seen");
    faint.setMode(NeuronMode.EXPANDED);
    assertTrue(
        faint.statusMessage().map(m -> !m.startsWith("Lines too faint")).orElse(true),
        "expanded mode draws no lines");
  }

  /** Dark pixels in the line area of the model view's detail of layer 0, head 1. */
  private static int detailLinePixels(AttentionData data) {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    ModelView view = new ModelView(new AttentionViewModel(data), selection);
    view.setControlsVisible(false);
    selection.toggleCell(new LayerHead(0, 1));
    view.setSize(view.getPreferredSize().width, 600);
    BufferedImage image = Pixels.paint(view, 1);
    java.awt.Rectangle area = view.detailLayout().lineArea();
    Color background = Pixels.at(image, image.getWidth() - 1, image.getHeight() - 1);
    int count = 0;
    for (int y = area.y; y < Math.min(image.getHeight(), area.y + 200); y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        count += Pixels.distance(Pixels.at(image, x, y), background) > 50 ? 1 : 0;
      }
    }
    return count;
  }

  /** Dark pixels between the token columns, above the first token's row. */
  private static int darkPixelsAbove(HeadView view, TokenRef first) {
    BufferedImage image = Pixels.paint(view, 1);
    int top = view.tokenBounds(first).orElseThrow().y;
    Color background = Pixels.at(image, image.getWidth() - 1, image.getHeight() - 1);
    int count = 0;
    for (int y = 0; y < top; y++) {
      for (int x = image.getWidth() / 3; x < 2 * image.getWidth() / 3; x++) {
        count += Pixels.distance(Pixels.at(image, x, y), background) > 120 ? 1 : 0;
      }
    }
    return count;
  }
}
