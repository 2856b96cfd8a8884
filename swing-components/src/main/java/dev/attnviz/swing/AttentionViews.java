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
import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.VolatileImage;
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
   * Makes each of the three main views on a small input shaped like a real one and paints it into
   * an image, as a window shows it (all of it in the clip, every head's lines, labels of several
   * widths), then with a token hovered, twice, then lets it go: the code of a first paint runs and
   * its hot loops get compiled, so that the view the user sees does not pay for that. A clip of a
   * corner and a hovered token alone left most of the head view's first paint cold (issue 18). The
   * views are never shown and share no model, so no other thread sees them.
   */
  private static void paintViews() {
    AttentionData sample = sampleData();
    for (int kind = 0; kind < 3; kind++) {
      AttentionViewModel model = new AttentionViewModel(sample);
      AttentionSelectionModel selection = new AttentionSelectionModel();
      AttentionView view =
          switch (kind) {
            case 0 -> new HeadView(model, selection);
            case 1 -> new ModelView(model, selection);
            default -> new dev.attnviz.swing.neuron.NeuronView(model, selection);
          };
      try {
        if (kind == 1) {
          // The model view's detail pane: its lines go through the line raster.
          selection.toggleCell(new dev.attnviz.swing.model.LayerHead(0, 1));
        }
        view.setSize(view.getPreferredSize());
        int width = Math.min(1200, view.getWidth());
        int height = Math.min(800, view.getHeight());
        Image image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        paintRounds(view, selection, image, width, height);
        // On a screen Swing paints into an accelerated back buffer, through other loops.
        VolatileImage buffer = screenBuffer(width, height);
        if (buffer != null) {
          paintRounds(view, selection, buffer, width, height);
          buffer.flush();
        }
      } finally {
        view.dispose();
      }
    }
  }

  /** Paints {@code view} into {@code image}: all of it, then with a token hovered, twice. */
  private static void paintRounds(
      AttentionView view, AttentionSelectionModel selection, Image image, int width, int height) {
    for (int round = 0; round < 4; round++) {
      selection.setHoveredToken(round % 2 == 0 ? null : TokenRef.query(round));
      Graphics2D g = (Graphics2D) image.getGraphics();
      try {
        g.clipRect(0, 0, width, height);
        view.paint(g);
      } finally {
        g.dispose();
      }
    }
  }

  /**
   * An image like Swing's back buffer on the default screen, or null without a screen (headless):
   * drawing into it readies the screen's pipelines (on X11 the XRender ones), which an image in
   * memory does not touch.
   */
  private static VolatileImage screenBuffer(int width, int height) {
    if (GraphicsEnvironment.isHeadless()) {
      return null;
    }
    try {
      return GraphicsEnvironment.getLocalGraphicsEnvironment()
          .getDefaultScreenDevice()
          .getDefaultConfiguration()
          .createCompatibleVolatileImage(width, height);
    } catch (RuntimeException | AWTError e) {
      LOG.log(System.Logger.Level.DEBUG, "no screen buffer to warm up", e);
      return null;
    }
  }

  /** Words of several lengths, as a tokenizer gives them. */
  private static final List<String> SAMPLE_TOKENS =
      List.of(
          "[CLS]",
          "the",
          "attention",
          "of",
          "each",
          "head",
          "##s",
          "is",
          "drawn",
          "as",
          "lines",
          "between",
          "tokens",
          ",",
          "here",
          "[SEP]");

  /**
   * Sixteen tokens, two layers of twelve heads (so that the code for many heads runs too: head
   * strips, palettes, every head's lines), with query and key vectors; rows of unequal weights.
   */
  private static AttentionData sampleData() {
    int layers = 2;
    int heads = 12;
    int tokens = SAMPLE_TOKENS.size();
    int dim = 8;
    Tensor4D.Builder weights = Tensor4D.builder(layers, heads, tokens, tokens);
    Tensor4D.Builder queries = Tensor4D.builder(layers, heads, tokens, dim);
    Tensor4D.Builder keys = Tensor4D.builder(layers, heads, tokens, dim);
    float[] row = new float[tokens];
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < tokens; i++) {
          float sum = 0;
          for (int j = 0; j < tokens; j++) {
            row[j] = 1 + (7 * l + 5 * h + 3 * i + j) % 11;
            sum += row[j];
          }
          for (int j = 0; j < tokens; j++) {
            row[j] /= sum;
          }
          weights.setRow(l, h, i, row, 0);
          for (int d = 0; d < dim; d++) {
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
                .setTokens(Tokens.of(SAMPLE_TOKENS))
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
