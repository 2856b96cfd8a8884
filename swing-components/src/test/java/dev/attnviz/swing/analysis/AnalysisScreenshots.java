package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.AttentionDifference;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.docs.Screenshots;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import javax.swing.JComponent;
import javax.swing.JScrollPane;

/**
 * Renders the screenshots of the analysis views into {@code docs/screenshots/}, headless: head
 * statistics of BERT-base (the golden sentence-pair fixture, 12 × 12 heads), its attention rollout,
 * and the doctor/nurse comparison (real BERT-base attention, see {@link DoctorNurse}).
 *
 * <pre>
 * mvn -B -pl swing-components -am -Pscreenshots -DskipTests verify
 * </pre>
 */
public final class AnalysisScreenshots {

  private AnalysisScreenshots() {}

  /** Writes the screenshots of the analysis views into {@code out}; on the EDT. */
  public static void renderAll(Path out) throws IOException {
    AttentionData pair = TestData.bertPair();
    for (boolean dark : new boolean[] {false, true}) {
      Screenshots.applyTheme(dark);
      String theme = dark ? "dark" : "light";

      AttentionSelectionModel selection = new AttentionSelectionModel();
      HeadStatisticsView stats = new HeadStatisticsView(new AttentionViewModel(pair), selection);
      stats.setStatistic(Statistic.ENTROPY);
      selection.setLayer(4);
      selection.setFocusHead(6);
      write(
          stats, new Dimension(760, 820), out.resolve("stats-entropy-bert-base-" + theme + ".png"));
      stats.setStatistic(Statistic.PREV);
      write(stats, new Dimension(760, 820), out.resolve("stats-prev-bert-base-" + theme + ".png"));

      RolloutView rollout =
          new RolloutView(new AttentionViewModel(pair), new AttentionSelectionModel());
      rollout.setDepth(3);
      write(
          scrolled(rollout),
          new Dimension(640, 480),
          out.resolve("rollout-matrix-bert-base-" + theme + ".png"));

      ComparisonView comparison = new ComparisonView();
      comparison.setPair(DoctorNurse.she(), "She", DoctorNurse.he(), "He");
      LayerHead head = headWhereSheAttendsToNurseMoreThanHe();
      comparison.getSelectionModel().setLayer(head.layer());
      comparison.getSelectionModel().setFocusHead(head.head());
      write(
          scrolled(comparison),
          new Dimension(1040, 470),
          out.resolve("compare-doctor-nurse-" + theme + ".png"));
    }
    Screenshots.applyTheme(false);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    RolloutView lines = new RolloutView(new AttentionViewModel(pair), selection);
    lines.setDepth(RolloutView.FINAL_LAYER);
    lines.setDisplayMode(dev.attnviz.swing.DisplayMode.LINES);
    selection.setLockedToken(TokenRef.query(3));
    write(
        scrolled(lines), new Dimension(560, 520), out.resolve("rollout-lines-bert-base-light.png"));

    ComparisonView mean = new ComparisonView();
    mean.setPair(DoctorNurse.she(), "She", DoctorNurse.he(), "He");
    mean.getModel().setHideSpecialTokens(true);
    mean.setMeanOfHeads(true);
    mean.getSelectionModel().setLayer(11);
    write(
        scrolled(mean),
        new Dimension(1000, 440),
        out.resolve("compare-doctor-nurse-mean-no-special-light.png"));
  }

  /**
   * The head with the largest difference {@code A − B} from the last word ("she" / "he", token 9)
   * to "nurse" (token 5): where "she" attends to "nurse" more than "he" does.
   */
  static LayerHead headWhereSheAttendsToNurseMoreThanHe() {
    AttentionDifference difference =
        AttentionDifference.of(DoctorNurse.she(), DoctorNurse.he(), AttentionKind.SELF);
    LayerHead best = new LayerHead(0, 0);
    for (int layer = 0; layer < difference.layerCount(); layer++) {
      for (int head = 0; head < difference.headCount(); head++) {
        if (difference.get(layer, head, 9, 5) > difference.get(best.layer(), best.head(), 9, 5)) {
          best = new LayerHead(layer, head);
        }
      }
    }
    System.out.println(
        "she - he to 'nurse' is largest in "
            + best
            + ": "
            + difference.get(best.layer(), best.head(), 9, 5));
    return best;
  }

  private static JScrollPane scrolled(JComponent view) {
    return Pixels.host(view);
  }

  private static void write(JComponent component, Dimension size, Path file) throws IOException {
    Screenshots.writePng(component, size, () -> {}, file);
  }
}
