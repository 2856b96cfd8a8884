package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronMode;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ShownAttention;
import java.awt.Dimension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A head view with more lines than a paint draws says that the faintest are left out, and how many
 * are drawn; the note stays put while the pointer moves over tokens, whose lines are drawn in full.
 */
class LinesLeftOutTest {

  private static HeadView view(int tokens, AttentionSelectionModel selection) {
    HeadView view =
        new HeadView(
            new AttentionViewModel(SyntheticAttention.realistic(tokens, 1, 12, 42)), selection);
    view.setControlsVisible(false);
    view.setSize(new Dimension(900, 700));
    return view;
  }

  private static int firstTokenTop(HeadView view) {
    return view.tokenBounds(TokenRef.query(0)).orElseThrow().y;
  }

  @Test
  void theNoteSaysHowManyLinesAreDrawnAndFromWhichWeight() {
    String note = new DrawnLines(1_542, 14_280, 0.3765f).note();

    assertEquals(
        "The faintest lines are left out: 1,542 of 14,280 drawn, weights from 0.38. Hover or lock"
            + " a token to see all of its lines.",
        note);
    assertEquals("", new DrawnLines(20, 20, 0.01f).note(), "nothing left out");
  }

  @Test
  void aLongInputsHeadViewWritesTheNoteAShortOneDoesNot() {
    HeadView longInput = view(64, new AttentionSelectionModel());
    HeadView shortInput = view(6, new AttentionSelectionModel());

    assertTrue(
        firstTokenTop(longInput) > firstTokenTop(shortInput),
        "the long input's tokens start a line of notes lower");
  }

  @Test
  void theNoteStaysPutWhileThePointerMovesOverTokens() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = view(64, selection);
    int before = firstTokenTop(view);

    selection.setHoveredToken(TokenRef.query(10));
    int hovering = firstTokenTop(view);
    selection.setLockedToken(TokenRef.key(3));

    assertEquals(before, hovering);
    assertEquals(before, firstTokenTop(view));
  }

  @Test
  void notesCountTheLinesTheViewDraws() {
    ShownAttention shown =
        ShownAttention.of(
                new AttentionViewModel(SyntheticAttention.realistic(64, 1, 12, 42)),
                new AttentionSelectionModel())
            .orElseThrow();
    HeadViewNotes notes = new HeadViewNotes();
    int[] heads = {0, 1, 2};

    List<HeadViewNotes.Note> cut =
        notes.notes(shown, 0, InvalidHeads.none(), heads, new DrawnLines(10, 20, 0.5f));
    List<HeadViewNotes.Note> whole =
        notes.notes(shown, 0, InvalidHeads.none(), heads, new DrawnLines(20, 20, 0.01f));

    assertEquals(1, cut.size());
    assertTrue(cut.get(0).text().startsWith("The faintest lines are left out: 10 of 20"));
    assertEquals(List.of(), whole);
  }

  @Test
  void theModelViewsDetailTitleSaysHowManyOfItsLinesAreDrawn() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    ModelView longInput =
        new ModelView(
            new AttentionViewModel(SyntheticAttention.realistic(128, 1, 2, 42)), selection);
    ModelView shortInput =
        new ModelView(new AttentionViewModel(SyntheticAttention.realistic(6, 1, 2, 42)), selection);
    selection.toggleCell(new LayerHead(0, 1));
    for (ModelView view : List.of(longInput, shortInput)) {
      view.setControlsVisible(false);
      view.setSize(view.getPreferredSize().width, 600);
    }

    String title = longInput.detailPane().title();
    selection.setHoveredToken(TokenRef.query(3));

    assertTrue(title.matches("Layer 0, Head 1: the strongest [\\d,]+ of [\\d,]+ lines"), title);
    assertEquals(title, longInput.detailPane().title(), "the same while a token is hovered");
    assertEquals("Layer 0, Head 1", shortInput.detailPane().title());
  }

  @Test
  void theNeuronViewCollapsedSaysSoInItsMessageLine() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.jumpToHead(new LayerHead(0, 1));
    NeuronView longInput =
        new NeuronView(
            new AttentionViewModel(SyntheticAttention.realistic(128, 1, 2, 42)), selection);
    NeuronView shortInput =
        new NeuronView(
            new AttentionViewModel(SyntheticAttention.realistic(6, 1, 2, 42)), selection);
    longInput.setMode(NeuronMode.COLLAPSED);
    shortInput.setMode(NeuronMode.COLLAPSED);

    String message = longInput.statusMessage().orElseThrow();
    selection.setHoveredToken(TokenRef.query(3));

    assertTrue(message.startsWith("The faintest lines are left out: "), message);
    assertEquals(Optional.of(message), longInput.statusMessage(), "the same while hovering");
    assertEquals(Optional.empty(), shortInput.statusMessage());
  }
}
