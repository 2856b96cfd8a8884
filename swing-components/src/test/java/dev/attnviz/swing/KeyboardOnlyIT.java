package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyboard only, on a real display: from a text field before the view, Tab (pressed through {@link
 * Robot}) passes the view's own controls and reaches the view, whose keys then step tokens and
 * heads. Data: 4 tokens, 2 layers, 2 heads.
 */
class KeyboardOnlyIT {

  /** More Tabs than any view has controls: a view Tab never reaches fails the test. */
  private static final int MAX_TABS = 40;

  private Robot robot;
  private JFrame frame;
  private AttentionViewModel model;
  private AttentionSelectionModel selection;

  @BeforeEach
  void setUp() throws Exception {
    robot = new Robot();
    robot.setAutoDelay(20);
    onEdt(
        () -> {
          model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
          selection = new AttentionSelectionModel();
          return null;
        });
  }

  @AfterEach
  void tearDown() throws Exception {
    onEdt(
        () -> {
          if (frame != null) {
            frame.dispose();
          }
          return null;
        });
  }

  private static <T> T onEdt(Callable<T> task) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(task.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  private void press(int key) {
    robot.keyPress(key);
    robot.keyRelease(key);
    robot.waitForIdle();
  }

  private static Component focusOwner() throws Exception {
    return onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
  }

  /** Shows {@code view} after a text field, focuses the field, and tabs until the target. */
  private void tabInto(JComponent view, JComponent target) throws Exception {
    JTextField start = new JTextField("start");
    onEdt(
        () -> {
          frame = new JFrame("keyboard");
          frame.add(start, BorderLayout.NORTH);
          frame.add(new JScrollPane(view), BorderLayout.CENTER);
          frame.setSize(900, 600);
          frame.setVisible(true);
          return null;
        });
    robot.waitForIdle();
    for (int attempt = 0; attempt < 50 && focusOwner() != start; attempt++) {
      onEdt(
          () -> {
            frame.toFront();
            return start.requestFocusInWindow();
          });
      robot.delay(100);
      robot.waitForIdle();
    }
    assertSame(start, focusOwner(), "the text field before the view has the focus");
    for (int tab = 0; tab < MAX_TABS && focusOwner() != target; tab++) {
      press(KeyEvent.VK_TAB);
    }
    assertSame(target, focusOwner(), "Tab reaches " + target.getClass().getSimpleName());
  }

  private <T> T read(Callable<T> what) throws Exception {
    robot.waitForIdle();
    return onEdt(what);
  }

  /** Tabs into the view, then Down twice locks query 1 and Right focuses the next head. */
  private void tokensAndHeadsByKeys(
      BiFunction<AttentionViewModel, AttentionSelectionModel, JComponent> create) throws Exception {
    JComponent view = onEdt(() -> create.apply(model, selection));
    tabInto(view, view);
    press(KeyEvent.VK_DOWN);
    press(KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(1), read(selection::lockedToken), "Down, Down");
    press(KeyEvent.VK_RIGHT);
    assertEquals(1, read(selection::focusHead), "Right");
    press(KeyEvent.VK_PAGE_DOWN);
    assertEquals(1, read(selection::layer), "Page Down");
    press(KeyEvent.VK_ESCAPE);
    assertEquals(null, read(selection::lockedToken), "Escape");
  }

  @Test
  void headView() throws Exception {
    tokensAndHeadsByKeys(HeadView::new);
  }

  @Test
  void neuronView() throws Exception {
    tokensAndHeadsByKeys(NeuronView::new);
  }

  @Test
  void modelViewOpensAHeadAndStepsInIt() throws Exception {
    onEdt(
        () -> {
          selection.jumpToHead(new LayerHead(0, 0));
          selection.setActiveHeads(null);
          return null;
        });
    tokensAndHeadsByKeys(ModelView::new);
  }

  @Test
  void rolloutViewStepsTokensAndLayers() throws Exception {
    RolloutView view = onEdt(() -> new RolloutView(model, selection));
    tabInto(view, view);
    press(KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(0), read(selection::lockedToken), "Down");
    press(KeyEvent.VK_ESCAPE);
    assertEquals(null, read(selection::lockedToken), "Escape");
  }

  @Test
  void comparisonView() throws Exception {
    tokensAndHeadsByKeys(
        (m, s) -> {
          ComparisonView view = new ComparisonView(s);
          view.setPair(m.data(), "A", m.data(), "B");
          return view;
        });
  }

  @Test
  void headStatisticsHeatmapStepsHeads() throws Exception {
    HeadStatisticsView view = onEdt(() -> new HeadStatisticsView(model, selection));
    tabInto(view, view.heatmap());
    press(KeyEvent.VK_RIGHT);
    assertEquals(1, read(selection::focusHead), "Right");
    press(KeyEvent.VK_PAGE_DOWN);
    assertEquals(1, read(selection::layer), "Page Down");
  }
}
