package dev.attnviz.demo.app;

import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

/**
 * The input strip: sentence A, optional sentence B, backend and model choosers, compute options and
 * the Visualize button. Holds no logic beyond keeping its choosers consistent; the window reads it
 * when the user asks for a visualization.
 */
final class InputPanel extends JPanel {

  private final AttentionProviders providers;
  private final JTextField textA = new JTextField(40);
  private final JTextField textB = new JTextField(24);
  private final JComboBox<String> backend = new JComboBox<>();
  private final JComboBox<ModelChoice> model = new JComboBox<>();
  private final JCheckBox queriesAndKeys = new JCheckBox("Queries & keys");
  private final JCheckBox truncate = new JCheckBox("Truncate long input");
  private final JButton visualize = new JButton("Visualize");
  private final JTextField target = new JTextField(24);
  private final JSpinner generate = new JSpinner(new SpinnerNumberModel(0, 0, 512, 1));
  private final JTextField modelOptions = new JTextField(24);

  /** Says that the views show a file, not what these fields describe; hidden otherwise. */
  private final JLabel shownFile = new JLabel();

  private AppSettings modelSettings;
  private ModelChoice lastModel;

  InputPanel(AttentionProviders providers, AppSettings settings, Runnable onVisualize) {
    super(new GridBagLayout());
    this.providers = providers;
    this.modelSettings = settings;
    setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
    name();
    textA.putClientProperty("JTextField.placeholderText", "Type a sentence");
    textB.putClientProperty("JTextField.placeholderText", "Optional second sentence (pair)");
    textA.setToolTipText("Sentence A. Enter visualizes.");
    textB.setToolTipText("Sentence B of a pair, for models trained on pairs (BERT). Optional.");
    queriesAndKeys.setToolTipText("Also compute query and key vectors, for the neuron view");
    truncate.setToolTipText("Cut input that is longer than the model takes, instead of failing");
    visualize.setToolTipText("Compute attention for the sentences (Enter)");
    target.putClientProperty("JTextField.placeholderText", "Decoder text (encoder-decoder models)");
    target.setToolTipText(
        "Encoder-decoder models (BART, T5): the text the decoder gets, e.g. a translation. Empty:"
            + " the decoder gets the source shifted right, or what the model generates.");
    generate.setToolTipText(
        "Generate up to this many tokens greedily (models with a language-model head), then show"
            + " the attention of the whole sequence (a target text is then not used). 0: no"
            + " generation. Esc cancels.");
    modelOptions.putClientProperty("JTextField.placeholderText", "key=value; key=value");
    modelOptions.setToolTipText(
        "Model options, as errors advise: attentionPattern, queryPattern, keyPattern, causal,"
            + " tokenizer, maxTokens (docs/MODELS.md). Separate them with ';'.");
    target.addActionListener(e -> onVisualize.run());
    textA.addActionListener(e -> onVisualize.run());
    textB.addActionListener(e -> onVisualize.run());
    visualize.addActionListener(e -> onVisualize.run());

    for (AttentionProviderFactory factory : providers.factories()) {
      backend.addItem(factory.name());
    }
    backend.setToolTipText("Inference backend (providers found on the class path)");
    backend.addActionListener(e -> refreshModels());
    model.addActionListener(e -> onModelChosen());

    RecentInput input = settings.currentInput();
    textA.setText(input.textA());
    textB.setText(input.textB());
    queriesAndKeys.setSelected(settings.queriesAndKeys());
    truncate.setSelected(settings.truncate());
    backend.setSelectedItem(
        providers.find(settings.backend()).map(AttentionProviderFactory::name).orElse(null));
    refreshModels();
    layoutParts();
  }

  private void name() {
    textA.setName("input.textA");
    textB.setName("input.textB");
    backend.setName("input.backend");
    model.setName("input.model");
    visualize.setName("input.visualize");
    target.setName("input.target");
    generate.setName("input.generate");
    modelOptions.setName("input.modelOptions");
    shownFile.setName("input.shownFile");
  }

  private void layoutParts() {
    GridBagConstraints c = new GridBagConstraints();
    c.insets = new Insets(2, 4, 2, 4);
    c.anchor = GridBagConstraints.WEST;
    c.gridy = 0;
    add(new JLabel("Sentence A"), c);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 3;
    add(textA, c);
    c.weightx = 0;
    c.fill = GridBagConstraints.NONE;
    add(new JLabel("Sentence B"), c);
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 2;
    c.gridwidth = GridBagConstraints.REMAINDER;
    add(textB, c);

    c.gridy = 1;
    c.gridwidth = 1;
    c.weightx = 0;
    c.fill = GridBagConstraints.NONE;
    add(new JLabel("Backend"), c);
    JPanel row = new JPanel(new GridBagLayout());
    row.setOpaque(false);
    GridBagConstraints r = new GridBagConstraints();
    r.insets = new Insets(0, 0, 0, 8);
    row.add(backend, r);
    row.add(new JLabel("Model"), r);
    r.fill = GridBagConstraints.HORIZONTAL;
    r.weightx = 1;
    row.add(model, r);
    r.weightx = 0;
    r.fill = GridBagConstraints.NONE;
    row.add(queriesAndKeys, r);
    row.add(truncate, r);
    row.add(visualize, r);
    c.gridwidth = GridBagConstraints.REMAINDER;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    add(row, c);

    c.gridy = 2;
    c.gridwidth = 1;
    c.weightx = 0;
    c.fill = GridBagConstraints.NONE;
    add(new JLabel("Target"), c);
    JPanel sequence = new JPanel(new GridBagLayout());
    sequence.setOpaque(false);
    GridBagConstraints q = new GridBagConstraints();
    q.insets = new Insets(0, 0, 0, 8);
    q.fill = GridBagConstraints.HORIZONTAL;
    q.weightx = 2;
    sequence.add(target, q);
    q.weightx = 0;
    q.fill = GridBagConstraints.NONE;
    sequence.add(new JLabel("Generate"), q);
    sequence.add(generate, q);
    sequence.add(new JLabel("Model options"), q);
    q.fill = GridBagConstraints.HORIZONTAL;
    q.weightx = 2;
    sequence.add(modelOptions, q);
    c.gridwidth = GridBagConstraints.REMAINDER;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = 1;
    add(sequence, c);

    c.gridy = 3;
    c.gridx = 0;
    shownFile.setVisible(false);
    add(shownFile, c);
  }

  /**
   * Says that the views now show {@code fileName}, not a result of these fields, and that Visualize
   * replaces it; {@code null} says the views show what these fields computed.
   */
  void setShownFile(String fileName) {
    boolean file = fileName != null;
    shownFile.setText(
        file
            ? "Showing the file "
                + fileName
                + ". The fields above are not its input; Visualize computes them and replaces"
                + " the file."
            : "");
    shownFile.setVisible(file);
    visualize.setText(file ? "Visualize (replaces file)" : "Visualize");
    visualize.setToolTipText(
        file
            ? "Compute attention for the sentences (Enter); replaces the file shown"
            : "Compute attention for the sentences (Enter)");
    revalidate();
  }

  /** The note about a shown file, or "" when the views show a computed result. */
  String shownFileNote() {
    return shownFile.isVisible() ? shownFile.getText() : "";
  }

  /** Fills the model chooser for the selected backend: default, remembered path, open action. */
  private void refreshModels() {
    DefaultComboBoxModel<ModelChoice> choices = new DefaultComboBoxModel<>();
    Optional<AttentionProviderFactory> factory = selectedFactory();
    factory.ifPresent(f -> choices.addElement(ModelChoice.embedded(f.defaultModelName())));
    ModelChoice selected = choices.getSize() > 0 ? choices.getElementAt(0) : null;
    String remembered = factory.map(f -> modelSettings.modelPaths().get(f.name())).orElse(null);
    if (remembered != null) {
      selected = ModelChoice.of(Path.of(remembered));
      choices.addElement(selected);
    }
    boolean custom =
        factory.map(f -> f.capabilities().contains(Capability.CUSTOM_MODELS)).orElse(false);
    if (custom) {
      choices.addElement(ModelChoice.openAction());
    }
    choices.setSelectedItem(selected);
    lastModel = selected;
    model.setModel(choices);
    boolean vectors =
        factory.map(f -> f.capabilities().contains(Capability.QUERY_KEY_VECTORS)).orElse(false);
    queriesAndKeys.setEnabled(vectors);
    target.setEnabled(
        factory.map(f -> f.capabilities().contains(Capability.ENCODER_DECODER)).orElse(false));
    generate.setEnabled(
        factory.map(f -> f.capabilities().contains(Capability.GENERATION)).orElse(false));
  }

  private void onModelChosen() {
    ModelChoice choice = (ModelChoice) model.getSelectedItem();
    if (choice == null || !choice.isOpenAction()) {
      lastModel = choice;
      return;
    }
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Open a model folder (SavedModel, ONNX export) or an .onnx file");
    chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      ModelChoice chosen = ModelChoice.of(chooser.getSelectedFile().toPath());
      DefaultComboBoxModel<ModelChoice> choices =
          (DefaultComboBoxModel<ModelChoice>) model.getModel();
      choices.insertElementAt(chosen, choices.getSize() - 1);
      choices.setSelectedItem(chosen);
      lastModel = chosen;
    } else {
      model.setSelectedItem(lastModel);
    }
  }

  private Optional<AttentionProviderFactory> selectedFactory() {
    Object name = backend.getSelectedItem();
    return name == null ? Optional.empty() : providers.find(name.toString());
  }

  /** The chosen backend's name, or empty if no provider was found. */
  Optional<String> backendName() {
    return selectedFactory().map(AttentionProviderFactory::name);
  }

  /** The chosen model path, or empty for the embedded default. */
  Optional<Path> modelPath() {
    return lastModel == null ? Optional.empty() : Optional.ofNullable(lastModel.path());
  }

  /**
   * The chosen model as a provider source: the chosen path, or the embedded default, with the model
   * options typed as {@code key=value} entries separated by {@code ;}. An entry without {@code =}
   * is passed with an empty value, so the provider's own message names it.
   */
  ModelSource modelSource() {
    ModelSource source = modelPath().map(ModelSource::of).orElse(ModelSource.embeddedDefault());
    for (String entry : modelOptions.getText().split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      source =
          equals < 0
              ? source.withOption(entry.strip(), "")
              : source.withOption(
                  entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return source;
  }

  /** The decoder's target text (may be empty); empty when the backend has no such models. */
  String target() {
    return target.isEnabled() ? target.getText().strip() : "";
  }

  /** How many tokens to generate; 0 when the backend cannot generate. */
  int generateCount() {
    return generate.isEnabled() ? (Integer) generate.getValue() : 0;
  }

  /** Sentence A as typed. */
  String textA() {
    return textA.getText();
  }

  /** Sentence B as typed (may be empty). */
  String textB() {
    return textB.getText();
  }

  /** Replaces both sentences, e.g. from a recent input. */
  void setInput(RecentInput input) {
    textA.setText(input.textA());
    textB.setText(input.textB());
  }

  /** Whether query and key vectors are wanted (and the backend has them). */
  boolean queriesAndKeys() {
    return queriesAndKeys.isEnabled() && queriesAndKeys.isSelected();
  }

  /** Whether overlong input is truncated. */
  boolean truncate() {
    return truncate.isSelected();
  }

  /** Puts the current choices into {@code settings}. */
  AppSettings storeInto(AppSettings settings) {
    AppSettings result = settings.withOptions(queriesAndKeys.isSelected(), truncate.isSelected());
    Optional<String> name = backendName();
    if (name.isPresent()) {
      result =
          result
              .withBackend(name.get())
              .withModelPath(name.get(), modelPath().map(Path::toString).orElse(null));
    }
    modelSettings = result;
    return result;
  }

  /** Gives the keyboard focus to sentence A. */
  void focusText() {
    textA.requestFocusInWindow();
    textA.selectAll();
  }
}
