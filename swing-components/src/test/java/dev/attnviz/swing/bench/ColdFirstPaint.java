package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.neuron.NeuronView;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/**
 * One view's first paint in a fresh JVM, as a host application meets it: the host opens its window,
 * then data arrives and the view is created, laid out and painted on the EDT. Prints the window's
 * opening time and the view's first paint (creation, layout and paint). With {@code warm}, {@code
 * AttentionViews.warmUp()} runs on a background thread from the start, while the window opens (as
 * the demo app does). Needs a display (e.g. {@code xvfb-run}); run in several fresh JVMs and take
 * the median: {@code java -cp ... dev.attnviz.swing.bench.ColdFirstPaint head 16 warm}.
 */
public final class ColdFirstPaint {

  private ColdFirstPaint() {}

  /** Loaded just before the view is made, as a mark in class-loading logs. */
  private static final class Marker {}

  /**
   * Runs once and exits.
   *
   * @param args view ({@code head}, {@code model} or {@code neuron}), token count, and optionally
   *     {@code warm}
   * @throws Exception if the view cannot be shown
   */
  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int tokens = Integer.parseInt(args[1]);
    boolean warm = args.length > 2 && args[2].equals("warm");
    long start = System.nanoTime();
    AtomicLong warmed = new AtomicLong();
    Thread warmer = null;
    if (warm) {
      // Through reflection, so that the harness also runs against the code before warmUp existed.
      warmer =
          new Thread(
              () -> {
                try {
                  Class.forName("dev.attnviz.swing.AttentionViews")
                      .getMethod("warmUp")
                      .invoke(null);
                  warmed.set(System.nanoTime() - start);
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException(e);
                }
              },
              "warm-up");
      warmer.setDaemon(true);
      warmer.start();
    }
    JFrame[] frame = new JFrame[1];
    SwingUtilities.invokeAndWait(
        () -> {
          frame[0] = new JFrame("host");
          frame[0].setSize(1200, 800);
          frame[0].setVisible(true);
        });
    long window = System.nanoTime() - start;
    // The data arrives (in an application: after the model ran, seconds later), then the view is
    // made; with a warm-up, once it is done (the window's own opening is timed above).
    if (warmer != null) {
      warmer.join();
    }
    AttentionData data = SyntheticAttention.realistic(tokens, 12, 12, 42);
    AttentionData shown = kind.equals("neuron") ? NeuronBenchmarks.withVectors(data, 64) : data;
    AtomicLong paint = new AtomicLong();
    AtomicLong paintCpu = new AtomicLong();
    long viewStart = System.nanoTime() - start;
    SwingUtilities.invokeAndWait(
        () -> {
          long t0 = System.nanoTime();
          long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          // In a class-loading log (-Xlog:class+load), what follows this class is the view's.
          new Marker();
          AttentionViewModel model = new AttentionViewModel(shown);
          AttentionSelectionModel selection = new AttentionSelectionModel();
          AttentionView view =
              switch (kind) {
                case "head" -> new HeadView(model, selection);
                case "model" -> new ModelView(model, selection);
                case "neuron" -> new NeuronView(model, selection);
                default -> throw new IllegalArgumentException("no view " + kind);
              };
          frame[0].add(new JScrollPane(view));
          frame[0].validate();
          view.paintImmediately(view.getVisibleRect());
          paint.set(System.nanoTime() - t0);
          paintCpu.set(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
        });
    System.out.printf(
        Locale.ROOT,
        "%s %d tokens %s: window %.0f ms, first paint %.0f ms (EDT cpu %.0f ms)%s%n",
        kind,
        tokens,
        warm ? "warm" : "cold",
        window / 1e6,
        paint.get() / 1e6,
        paintCpu.get() / 1e6,
        warm
            ? String.format(
                Locale.ROOT,
                " (warm-up done at %.0f ms, view made at %.0f ms)",
                warmed.get() / 1e6,
                viewStart / 1e6)
            : "");
    System.exit(0);
  }
}
