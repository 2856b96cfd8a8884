package dev.attnviz.swing;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ViewText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Start-up help for hosts of the views. In a fresh JVM a view's first paint costs several times a
 * later one: a thousand classes of Swing, Java2D and the views are loaded and initialised, fonts
 * opened and glyphs rasterised, and all that code runs for the first time. {@link #warmUp()} does
 * that work ahead, on whatever thread calls it, so that a host can run it in the background while
 * its window opens.
 */
public final class AttentionViews {

  private static final System.Logger LOG = System.getLogger(AttentionViews.class.getName());
  private static final String CLASS_LIST = "warm-up-classes.txt";
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private AttentionViews() {}

  /**
   * Loads and initialises the classes a view's first paint needs and warms the font and the Java2D
   * pipelines the views paint with, without making any component: call it on a background thread at
   * start-up (e.g. {@code new Thread(AttentionViews::warmUp).start()}) while the window opens. Only
   * the first call does the work; later ones return at once. Safe from any thread; nothing it does
   * changes what the views show.
   */
  public static void warmUp() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    long start = System.nanoTime();
    int loaded = loadClasses();
    paintOffscreen();
    paintViews();
    LOG.log(
        System.Logger.Level.DEBUG,
        () ->
            "warmed up "
                + loaded
                + " classes and the text and line pipelines in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
  }

  /** Loads the listed classes, in the order a first paint loads them; initialises the views'. */
  private static int loadClasses() {
    ClassLoader loader = AttentionViews.class.getClassLoader();
    int loaded = 0;
    try (InputStream in = AttentionViews.class.getResourceAsStream(CLASS_LIST)) {
      if (in == null) {
        LOG.log(System.Logger.Level.DEBUG, "no " + CLASS_LIST + "; nothing preloaded");
        return 0;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try {
          // The JDK's own classes are loaded but not initialised: their initialisers may depend on
          // the display (headless or not), and a failed one could not run again later.
          Class.forName(name, name.startsWith("dev.attnviz."), loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
          // A class of another JDK version or a renamed one: the view loads what it needs anyway.
          LOG.log(System.Logger.Level.TRACE, () -> "not preloaded: " + name);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read " + CLASS_LIST, e);
    }
    return loaded;
  }

  /**
   * Makes each of the three main views on a tiny input and paints it into an image, then lets it
   * go: the code of a first paint runs once, so that the view the user sees does not pay for the
   * first run of it. The views are never shown and share no model, so no other thread sees them.
   */
  private static void paintViews() {
    AttentionData tiny = tinyData();
    for (int kind = 0; kind < 3; kind++) {
      AttentionViewModel model = new AttentionViewModel(tiny);
      AttentionSelectionModel selection = new AttentionSelectionModel();
      AttentionView view =
          switch (kind) {
            case 0 -> new HeadView(model, selection);
            case 1 -> new ModelView(model, selection);
            default -> new dev.attnviz.swing.neuron.NeuronView(model, selection);
          };
      try {
        selection.setHoveredToken(TokenRef.query(1));
        view.setSize(view.getPreferredSize());
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
          g.clipRect(0, 0, 64, 64);
          view.paint(g);
        } finally {
          g.dispose();
        }
      } finally {
        view.dispose();
      }
    }
  }

  /**
   * Three tokens, two layers of twelve heads (so that the code for many heads runs too: head
   * strips, palettes, every head's lines), with query and key vectors.
   */
  private static AttentionData tinyData() {
    int layers = 2;
    int heads = 12;
    Tensor4D.Builder weights = Tensor4D.builder(layers, heads, 3, 3);
    Tensor4D.Builder queries = Tensor4D.builder(layers, heads, 3, 4);
    Tensor4D.Builder keys = Tensor4D.builder(layers, heads, 3, 4);
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            weights.set(l, h, i, j, 1f / 3);
          }
          for (int d = 0; d < 4; d++) {
            queries.set(l, h, i, d, d - i);
            keys.set(l, h, i, d, i - d);
          }
        }
      }
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("warm-up", "none", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(List.of("[CLS]", "warm", "[SEP]")))
                .setWeights(weights.build())
                .optVectors(queries.build(), keys.build())
                .build())
        .build();
  }

  /**
   * Draws what views draw into a small image: text in the default font, antialiased and translucent
   * lines, translucent cells and an image, so that fonts, glyph caches and rendering loops are
   * ready.
   */
  private static void paintOffscreen() {
    BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      Font font = javax.swing.UIManager.getFont("Label.font");
      ViewText text = ViewText.of(font != null ? font : new Font(Font.DIALOG, Font.PLAIN, 12));
      g.setColor(Color.DARK_GRAY);
      TextFit.drawAt(g, text, "The quick brown fox [CLS] 0123456789 \u2026", 0, 0);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setStroke(new BasicStroke(1.5f));
      g.setColor(new Color(30, 90, 200, 120));
      g.draw(new Line2D.Double(0.5, 1.5, 60.5, 30.25));
      g.fillRect(2, 2, 6, 6);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.fillRect(10, 2, 6, 6);
      g.drawImage(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), 20, 2, null);
    } finally {
      g.dispose();
    }
  }
}
