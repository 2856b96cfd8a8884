package dev.attnviz.swing;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionViewModel;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.event.ChangeListener;

/**
 * One line that says what the views below it show: model · backend · source · N tokens (and
 * "truncated from M"). It follows an {@link AttentionViewModel} by itself and reads the model's
 * {@link dev.attnviz.core.ModelInfo}; a host adds where the data came from ({@link #setSource})
 * and, when a newer request failed, marks the shown result as the previous one ({@link #setStale}),
 * so that the caption never describes a result that is not on screen.
 *
 * @serial exclude
 */
public final class ShownCaption extends JLabel {

  private static final long serialVersionUID = 1L;

  /** Longest source text shown before it is cut with an ellipsis. */
  static final int MAX_SOURCE_CHARS = 60;

  private final transient AttentionViewModel model;
  private final transient ChangeListener listener = e -> refresh();
  private String source = "";
  private boolean stale;
  private String note = "";

  /**
   * A caption that follows {@code model}; call {@link #dispose()} when it is no longer shown.
   *
   * @param model the data model whose data the caption describes
   */
  public ShownCaption(AttentionViewModel model) {
    this.model = Objects.requireNonNull(model, "model");
    setName("caption");
    setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
    model.addChangeListener(listener);
    refresh();
  }

  /**
   * Says where the shown data came from: the input text or a file name. Set it before or just after
   * the data; it stays until replaced.
   *
   * @param source the input text or file name, or null for none
   */
  public void setSource(String source) {
    this.source = source == null ? "" : source;
    refresh();
  }

  /**
   * Marks the shown data as the previous result (a newer request failed) or as current again. New
   * data clears the mark only through this method: the host knows whether the data is current.
   *
   * @param stale true while the shown data is the previous result
   */
  public void setStale(boolean stale) {
    this.stale = stale;
    refresh();
  }

  /**
   * Adds a note after the caption that says more about where the shown data came from, e.g. that it
   * is a result saved by an earlier run; like the source, it stays until replaced.
   *
   * @param note the note, or null or blank for none
   */
  public void setNote(String note) {
    this.note = note == null ? "" : note.strip();
    refresh();
  }

  /** Stops following the model. */
  public void dispose() {
    model.removeChangeListener(listener);
  }

  private void refresh() {
    AttentionData data = model.data();
    String text = data == null ? Messages.text("caption.nothing") : describe(data, source);
    if (stale && data != null) {
      text = Messages.format("caption.stale", text);
    }
    if (!note.isEmpty() && data != null) {
      text = Messages.format("caption.note", text, note);
    }
    setText(text);
    setToolTipText(text);
  }

  /**
   * The caption of {@code data}: {@code "bert-base-uncased · tensorflow · “The cat sat.” · 6 tokens
   * (truncated from 433)"}; the source part is left out when blank.
   *
   * @param data the data
   * @param source the input text or file name, or null
   * @return the caption, in the views' locale
   */
  public static String describe(AttentionData data, String source) {
    StringBuilder text = new StringBuilder();
    text.append(data.model().name()).append(" \u00b7 ").append(data.model().backend());
    if (source != null && !source.isBlank()) {
      text.append(" \u00b7 ").append(shorten(source.strip()));
    }
    int tokens = data.primary().queryTokens().size();
    text.append(" \u00b7 ")
        .append(Messages.format(tokens == 1 ? "caption.token" : "caption.tokens", tokens));
    data.truncation()
        .ifPresent(
            t ->
                text.append(' ')
                    .append(Messages.format("caption.truncated", t.originalTokenCount())));
    return text.toString();
  }

  private static String shorten(String source) {
    String oneLine = source.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_SOURCE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_SOURCE_CHARS - 1) + "\u2026";
  }
}
