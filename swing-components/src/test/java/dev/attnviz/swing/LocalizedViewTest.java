package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.Named;
import dev.attnviz.swing.testing.OnEdt;
import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.accessibility.AccessibleContext;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A view follows the host's locale: with {@link JComponent#setDefaultLocale} set to the pseudo
 * locale en-XA (test resource {@code Messages_en_XA.properties}, a few keys), the head view's
 * accessible name and description and its layer selector come from that bundle, and keys it lacks
 * fall back to English.
 */
@OnEdt
class LocalizedViewTest {

  private static final Locale PSEUDO = Locale.forLanguageTag("en-XA");
  private final Locale before = JComponent.getDefaultLocale();

  @AfterEach
  void restoreLocale() {
    JComponent.setDefaultLocale(before);
  }

  @Test
  void theHeadViewSpeaksThePseudoLocale() {
    JComponent.setDefaultLocale(PSEUDO);
    HeadView view =
        new HeadView(
            new AttentionViewModel(HeadViewPixelTest.fourTokens()), new AttentionSelectionModel());
    AccessibleContext context = view.getAccessibleContext();
    assertEquals("[Ħéåð ṽîéŵ]", context.getAccessibleName());
    assertEquals(
        "[Ŀåýéŕ 0, ĥéåðš 0, 1.] [Ñö ţöķéñ îš ļöçķéð.]", context.getAccessibleDescription());
    assertTrue(labels(view).contains("[Ŀåýéŕ:]"), "the layer label: " + labels(view));
    JComboBox<?> layerBox = (JComboBox<?>) Named.in(view, "layer");
    assertEquals("[Ŀåýéŕ]", layerBox.getAccessibleContext().getAccessibleName());
    // Not in the pseudo bundle: English.
    assertEquals("Word level", ((AbstractButton) Named.in(view, "wordLevel")).getText());
  }

  @Test
  void englishIsTheDefault() {
    JComponent.setDefaultLocale(Locale.ENGLISH);
    HeadView view =
        new HeadView(
            new AttentionViewModel(HeadViewPixelTest.fourTokens()), new AttentionSelectionModel());
    assertEquals("Head view", view.getAccessibleContext().getAccessibleName());
    assertEquals(
        "Layer 0, heads 0, 1. No token is locked.",
        view.getAccessibleContext().getAccessibleDescription());
    assertTrue(labels(view).contains("Layer:"), "the layer label: " + labels(view));
  }

  private static List<String> labels(Container root) {
    List<String> texts = new ArrayList<>();
    for (Component child : root.getComponents()) {
      if (child instanceof JLabel label) {
        texts.add(label.getText());
      }
      if (child instanceof Container container) {
        texts.addAll(labels(container));
      }
    }
    return texts;
  }
}
