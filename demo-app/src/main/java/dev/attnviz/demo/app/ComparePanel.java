package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.SelectionLink;
import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.HierarchyEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;

/**
 * The comparison tab: two inputs computed with the current backend and model, shown side by side
 * and as their difference, for the bias use case ("The doctor asked the nurse a question. She" vs
 * "… He"); or the same text under two models, B computed with another backend's default model (the
 * "B with" choice). Computes in its own lane, so it never drops the main visualization.
 */
final class ComparePanel extends JPanel {

  /** The example that the comparison starts with. */
  static final String EXAMPLE_A = "The doctor asked the nurse a question. She";

  /** The "B with" choice that computes B like A. */
  static final String SAME_MODEL = "A's model";

  /** The end of a "B with" choice naming a backend's default model. */
  private static final String DEFAULT_MODEL = " default model";

  /** The example's other half. */
  static final String EXAMPLE_B = "The doctor asked the nurse a question. He";

  /** Where to compute: backend name and model of the main input strip. */
  record Target(String backend, ModelSource source) {}

  private final AttentionService.Lane lane;
  private final Supplier<Optional<Target>> target;
  private final ComparisonView view;
  private final JTextField textA = new JTextField(EXAMPLE_A, 30);
  private final JTextField textB = new JTextField(EXAMPLE_B, 30);
  private final JButton compare = new JButton("Compare");
  private final JComboBox<String> modelB = new JComboBox<>();
  private final JLabel status = new JLabel(" ");
  private AttentionData pendingA;
  private boolean started;
  private final SelectionLink link;

  ComparePanel(
      AttentionService.Lane lane,
      AttentionSelectionModel selection,
      Supplier<Optional<Target>> target,
      List<String> backends) {
    super(new BorderLayout());
    modelB.addItem(SAME_MODEL);
    backends.forEach(backend -> modelB.addItem(backend + DEFAULT_MODEL));
    this.lane = lane;
    this.target = target;
    // Its own selection, on the main views' layer and heads: a token locked in the main input is
    // another word in the compared ones.
    AttentionSelectionModel own = new AttentionSelectionModel();
    this.link = SelectionLink.layerAndHeads(selection, own);
    this.view = new ComparisonView(own);
    setName("compare.panel");
    textA.setName("compare.textA");
    textB.setName("compare.textB");
    compare.setName("compare.run");
    status.setName("compare.status");
    textA.setToolTipText("Input A; it should have as many tokens as input B");
    textB.setToolTipText(
        "Input B, e.g. input A with one word swapped, or A's text to compare two models");
    modelB.setName("compare.modelB");
    modelB.setToolTipText(
        "The model B is computed with: A's (the main strip's), or a backend's default model");
    compare.setToolTipText("Compute both inputs with the chosen backend and model");
    compare.addActionListener(e -> compare());
    textA.addActionListener(e -> compare());
    textB.addActionListener(e -> compare());

    JPanel inputs = new JPanel(new GridBagLayout());
    inputs.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    GridBagConstraints c = new GridBagConstraints();
    c.insets = new Insets(2, 4, 2, 4);
    inputs.add(new JLabel("Input A"), c);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    inputs.add(textA, c);
    c.weightx = 0;
    c.fill = GridBagConstraints.NONE;
    inputs.add(new JLabel("Input B"), c);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    inputs.add(textB, c);
    c.weightx = 0;
    c.fill = GridBagConstraints.NONE;
    inputs.add(new JLabel("B with"), c);
    inputs.add(modelB, c);
    inputs.add(compare, c);
    c.gridy = 1;
    c.gridwidth = GridBagConstraints.REMAINDER;
    c.anchor = GridBagConstraints.WEST;
    inputs.add(status, c);

    JScrollPane scroll = new JScrollPane(view);
    scroll.setBorder(null);
    add(inputs, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
    // The first time the tab is shown, compare the example, so the tab never opens empty.
    addHierarchyListener(
        e -> {
          if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0
              && isShowing()
              && !started) {
            compare();
          }
        });
  }

  /** The comparison view: what export writes, and what tests inspect. */
  ComparisonView view() {
    return view;
  }

  /** Unlinks from the main selection and lets go of the models, when the window closes. */
  void dispose() {
    link.close();
    view.dispose();
  }

  /** Computes both inputs, A then B, replacing any comparison in progress. */
  void compare() {
    Optional<Target> where = target.get();
    if (where.isEmpty()) {
      status.setText("No backend is available to compute a comparison.");
      return;
    }
    if (textA.getText().isBlank() || textB.getText().isBlank()) {
      status.setText("Type both inputs to compare them.");
      return;
    }
    started = true;
    pendingA = null;
    status.setText("Computing input A...");
    Target t = where.get();
    lane.compute(
        t.backend(),
        t.source(),
        AttentionRequest.of(textA.getText().strip()),
        new StepListener(
            data -> {
              pendingA = data;
              status.setText("Computing input B...");
              lane.compute(
                  targetB(t).backend(),
                  targetB(t).source(),
                  AttentionRequest.of(textB.getText().strip()),
                  new StepListener(this::show));
            }));
  }

  /** Where B is computed: where A is, or the chosen backend's default model. */
  private Target targetB(Target a) {
    String chosen = (String) modelB.getSelectedItem();
    return chosen == null || chosen.equals(SAME_MODEL)
        ? a
        : new Target(
            chosen.substring(0, chosen.length() - DEFAULT_MODEL.length()),
            ModelSource.embeddedDefault());
  }

  private void show(AttentionData b) {
    AttentionData a = pendingA;
    String[] labels = differingWords(textA.getText(), textB.getText());
    if (!a.model().equals(b.model())) {
      // Two models: name each side by its model, and by its words if the texts differ too.
      labels =
          textA.getText().strip().equals(textB.getText().strip())
              ? new String[] {a.model().name(), b.model().name()}
              : new String[] {
                labels[0] + " (" + a.model().name() + ")", labels[1] + " (" + b.model().name() + ")"
              };
    }
    view.setPair(a, labels[0], b, labels[1]);
    status.setText(
        view.message()
            .or(view::differenceNote)
            .orElse(
                labels[0]
                    + " \u2212 "
                    + labels[1]
                    + " with "
                    + a.model().name()
                    + " via "
                    + a.model().backend()
                    + (a.model().equals(b.model())
                        ? ""
                        : " and " + b.model().name() + " via " + b.model().backend())
                    + ": blue where A attends more, red where B does."));
  }

  /**
   * Short labels for two inputs: the words where they differ ("She" and "He" for the example), or
   * "A" and "B" when they differ everywhere or nowhere.
   */
  static String[] differingWords(String a, String b) {
    String[] wordsA = a.strip().split("\\s+");
    String[] wordsB = b.strip().split("\\s+");
    int start = 0;
    while (start < wordsA.length && start < wordsB.length && wordsA[start].equals(wordsB[start])) {
      start++;
    }
    int endA = wordsA.length;
    int endB = wordsB.length;
    while (endA > start && endB > start && wordsA[endA - 1].equals(wordsB[endB - 1])) {
      endA--;
      endB--;
    }
    String labelA = String.join(" ", java.util.Arrays.copyOfRange(wordsA, start, endA));
    String labelB = String.join(" ", java.util.Arrays.copyOfRange(wordsB, start, endB));
    boolean useful =
        !labelA.isEmpty() && !labelB.isEmpty() && labelA.length() <= 30 && labelB.length() <= 30;
    return useful ? new String[] {labelA, labelB} : new String[] {"A", "B"};
  }

  /** Hears one step of a comparison; failures go to the tab's status line. */
  private final class StepListener implements AttentionService.Listener {
    private final java.util.function.Consumer<AttentionData> next;

    StepListener(java.util.function.Consumer<AttentionData> next) {
      this.next = next;
    }

    @Override
    public void onProgress(String message) {
      status.setText(message);
    }

    @Override
    public void onResult(AttentionData data) {
      next.accept(data);
    }

    @Override
    public void onFailure(String message) {
      status.setText(message);
    }
  }
}
