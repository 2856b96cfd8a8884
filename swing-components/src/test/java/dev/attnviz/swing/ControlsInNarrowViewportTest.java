package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.Named;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.ScrollPanes;
import java.awt.Point;
import java.awt.Rectangle;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * A view in a scroll pane narrower than its controls: the controls sit in the pane's column header,
 * which scrolls sideways with the view, so the view is at least as wide as its controls and
 * scrolling to the right brings their last control into sight.
 */
class ControlsInNarrowViewportTest {

  @Test
  void scrollingSidewaysReachesTheLastControlOfTheHeadView() throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          HeadView view =
              new HeadView(
                  new AttentionViewModel(SyntheticAttention.single(false)),
                  new AttentionSelectionModel());
          JScrollPane pane = Pixels.host(view);
          ScrollPanes.layOut(pane, 220, 400);
          assertSame(view.controlsBar(), pane.getColumnHeader().getView(), "controls in header");
          int controlsWidth = view.controlsBar().getPreferredSize().width;
          assertTrue(controlsWidth > 220, "the controls are wider than this viewport");
          assertTrue(
              view.getPreferredSize().width >= controlsWidth,
              view.getPreferredSize().width + " < " + controlsWidth);

          pane.getHorizontalScrollBar().setValue(pane.getHorizontalScrollBar().getMaximum());
          pane.validate();
          JComponent last = Named.in(view.controlsBar(), "displayMode");
          Rectangle inHeader =
              SwingUtilities.convertRectangle(
                  last.getParent(), last.getBounds(), pane.getColumnHeader());
          Rectangle visible = new Rectangle(new Point(), pane.getColumnHeader().getExtentSize());
          assertTrue(
              visible.contains(inHeader), "display mode box " + inHeader + " not in " + visible);
        });
  }
}
