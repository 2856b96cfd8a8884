package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionScores;
import dev.attnviz.core.testing.OracleFixture;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The view on real BERT-base attention and vectors from the golden fixture. */
@OnEdt
class NeuronViewBertTest {

  private static AttentionData data;
  private static OracleFixture fixture;

  @BeforeAll
  static void load() {
    data = BertFixture.load("cat-sat");
    fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "cat-sat");
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  @Test
  void theViewsScoresReproduceTheModelsSoftmaxForEveryHeadWithVectors() {
    AttentionViewModel model = new AttentionViewModel(data);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    NeuronView view = new NeuronView(model, selection);
    int checked = 0;
    double worst = 0;
    for (int layer : BertFixture.LAYERS_WITH_VECTORS) {
      for (int head = 0; head < 12; head++) {
        selection.setLayer(layer);
        selection.setFocusHead(head);
        NeuronSlice slice = view.scene().slice();
        assertEquals(layer, slice.layer());
        assertEquals(head, slice.head());
        for (int i = 0; i < slice.rowCount(); i++) {
          double[] scores = slice.scores(i);
          double[] softmax =
              AttentionScores.softmax(scores, AttentionScores.visibleKeys(scores.length, i, false));
          for (int j = 0; j < scores.length; j++) {
            double golden = fixture.attention()[layer][head][i][j];
            worst = Math.max(worst, Math.abs(softmax[j] - golden));
            assertEquals(golden, softmax[j], 1e-3, "layer " + layer + " head " + head);
            assertEquals(golden, slice.weight(i, j), 1e-6, "the softmax column shows the model's");
            checked++;
          }
        }
      }
    }
    assertEquals(2 * 12 * 8 * 8, checked);
    assertTrue(worst < 1e-3, "worst difference " + worst);
  }

  @Test
  void theCellsShowTheFixturesVectorsAndProductsSumToTheScore() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.setLayer(11);
    selection.setFocusHead(6);
    NeuronView view = new NeuronView(new AttentionViewModel(data), selection);
    NeuronSlice slice = view.scene().slice();
    float[][][] queries = fixture.queries().get(11);
    float[][][] keys = fixture.keys().get(11);
    assertEquals(64, slice.headSize());
    for (int t = 0; t < 8; t++) {
      for (int d = 0; d < 64; d++) {
        assertEquals(queries[6][t][d], slice.query(t, d));
        assertEquals(keys[6][t][d], slice.key(t, d));
      }
    }
    double[] scores = slice.scores(NeuronScreenshots.CAT);
    for (int j = 0; j < 8; j++) {
      double sum = 0;
      for (int d = 0; d < 64; d++) {
        sum += slice.product(NeuronScreenshots.CAT, j, d);
      }
      assertEquals(scores[j], sum / 8, 1e-9, "the q x k row sums to the q . k score, key " + j);
    }
  }

  @Test
  void screenshotScenesShowTheLockedTokenAndItsTopDimensions() {
    for (Theme theme : Theme.values()) {
      for (int layer : new int[] {0, 11}) {
        NeuronView view = NeuronScreenshots.view(data, theme, layer);
        assertEquals(OptionalInt.of(NeuronScreenshots.CAT), view.selectedQuery());
        int strongest = view.scene().slice().strongestColumn(NeuronScreenshots.CAT);
        assertEquals(OptionalInt.of(strongest), view.shownPairKey());
        assertEquals(NeuronView.DEFAULT_TOP_DIMENSION_COUNT, view.contributions().size());
        assertTrue(view.statusMessage().isEmpty());
        BufferedImage image =
            ViewExporter.toImage(view, NeuronScreenshots.SCALE, ExportBackground.THEME);
        ViewColors colors = ViewColors.fromUIManager();
        assertEquals(theme == Theme.DARK, colors.dark());
        assertEquals(
            colors.background().getRGB() & 0xFFFFFF,
            image.getRGB(1, 1) & 0xFFFFFF,
            theme + " background");
        assertEquals(
            (int) Math.ceil(view.exportSize().width * NeuronScreenshots.SCALE), image.getWidth());
        Theme.reset();
      }
    }
    assertEquals("neuron-expanded-layer11-dark.png", NeuronScreenshots.fileName(Theme.DARK, 11));
    assertEquals(new Color(0x1E1F22), Theme.DARK.background());
  }
}
