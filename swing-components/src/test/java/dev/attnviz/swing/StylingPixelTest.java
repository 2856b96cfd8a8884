package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.HeadPalette;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-instance styling: a background, foreground, font or head palette set on one view wins over
 * the look and feel's, survives a theme switch, and leaves other views alone. Data: 4 tokens, head
 * 0 attends i → i, head 1 i → 3 − i (see {@link HeadViewPixelTest}).
 */
@OnEdt
class StylingPixelTest {

  private static final Color OWN_BACKGROUND = new Color(0x203040);
  private static final Color OWN_FOREGROUND = new Color(0xFF0000);
  private static final Color GREEN = new Color(0x00A000);
  private static final Color MAGENTA = new Color(0xC000C0);

  private final AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
  private final AttentionSelectionModel selection = new AttentionSelectionModel();
  private HeadView styled;
  private HeadView plain;

  @BeforeEach
  void setUp() {
    Theme.LIGHT.apply();
    styled = new HeadView(model, selection);
    plain = new HeadView(model, selection);
    styled.setControlsVisible(false);
    plain.setControlsVisible(false);
    selection.setLayer(0);
    selection.isolateHead(0, 2);
  }

  @AfterEach
  void tearDown() {
    Theme.reset();
  }

  private static void switchTheme(Theme theme, HeadView... views) {
    theme.apply();
    for (HeadView view : views) {
      SwingUtilities.updateComponentTreeUI(view);
    }
  }

  /** A point in the middle of the line from query 1 to key 1 (head 0, weight 1). */
  private static Point2D line(HeadView view, double scale) {
    return ViewProbe.scaled(ViewProbe.along(view::tokenBounds, 1, 1, 0.5), scale);
  }

  /** Pixels of {@code color} inside the box of query token 0 (its text). */
  private static int textPixels(HeadView view, BufferedImage image, double scale, Color color) {
    Rectangle box = view.tokenBounds(TokenRef.query(0)).orElseThrow();
    int total = (int) (box.width * scale) * (int) (box.height * scale);
    return total - Pixels.countOther(image, box, scale, color);
  }

  private static HeadSquares squares(java.awt.Container container) {
    for (java.awt.Component child : container.getComponents()) {
      if (child instanceof HeadSquares squares) {
        return squares;
      }
      if (child instanceof java.awt.Container inner && squares(inner) != null) {
        return squares(inner);
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void anOwnBackgroundWinsOverTheThemeAndSurvivesASwitch(double scale) {
    styled.setBackground(OWN_BACKGROUND);
    assertNear(Pixels.paint(styled, scale), 1, 1, OWN_BACKGROUND, 0, "own background");
    assertTrue(styled.colors().dark(), "a dark own background makes the view's colours dark");

    switchTheme(Theme.DARK, styled, plain);
    assertNear(Pixels.paint(styled, scale), 1, 1, OWN_BACKGROUND, 0, "kept after the switch");
    assertNear(Pixels.paint(plain, scale), 1, 1, Theme.DARK.background(), 0, "plain follows");

    styled.setBackground(null);
    switchTheme(Theme.LIGHT, styled);
    assertNear(Pixels.paint(styled, scale), 1, 1, Theme.LIGHT.background(), 0, "null: theme's");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void anOwnForegroundColoursTheTokenText(double scale) {
    styled.setForeground(OWN_FOREGROUND);
    // Bold and large, so that glyph stems cover whole pixels at scale 1 too.
    styled.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
    switchTheme(Theme.DARK, styled);
    assertTrue(
        textPixels(styled, Pixels.paint(styled, scale), scale, OWN_FOREGROUND) > 5,
        "token text in the own foreground after a theme switch");
    assertEquals(
        0, textPixels(plain, Pixels.paint(plain, scale), scale, OWN_FOREGROUND), "plain view");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void anOwnFontSizesTheTokensAndSurvivesASwitch(double scale) {
    int plainHeight = plain.tokenBounds(TokenRef.query(0)).orElseThrow().height;
    styled.setFont(new Font(Font.SERIF, Font.BOLD, 30));
    switchTheme(Theme.DARK, styled);
    Pixels.paint(styled, scale);
    int styledHeight = styled.tokenBounds(TokenRef.query(0)).orElseThrow().height;
    assertTrue(styledHeight > 2 * plainHeight, styledHeight + " vs " + plainHeight);
    assertEquals(30, styled.getFont().getSize());
    assertTrue(styled.getPreferredSize().height > plain.getPreferredSize().height);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void aHeadPaletteColoursTheLinesAndNullRestoresTheStandardOne(double scale) {
    List<Object> events = new ArrayList<>();
    styled.addPropertyChangeListener("headPalette", e -> events.add(e.getNewValue()));
    HeadPalette own = HeadPalette.of(GREEN, MAGENTA);
    styled.setHeadPalette(own);
    assertSame(own, styled.getHeadPalette());
    assertEquals(List.of(own), events);
    Point2D p = line(styled, scale);
    assertNear(Pixels.paint(styled, scale), p.getX(), p.getY(), GREEN, 8, "head 0 in green");
    HeadSquares squares = squares(styled);
    squares.setSize(squares.getPreferredSize());
    Rectangle square = squares.stripLayout().square(0);
    assertNear(
        Pixels.paint(squares, scale),
        square.getCenterX() * scale,
        square.getCenterY() * scale,
        GREEN,
        8,
        "the view's head square too");
    selection.isolateHead(1, 2);
    p = ViewProbe.scaled(ViewProbe.along(styled::tokenBounds, 0, 3, 0.25), scale);
    assertNear(Pixels.paint(styled, scale), p.getX(), p.getY(), MAGENTA, 8, "head 1 magenta");
    p = ViewProbe.scaled(ViewProbe.along(plain::tokenBounds, 0, 3, 0.25), scale);
    assertNear(
        Pixels.paint(plain, scale),
        p.getX(),
        p.getY(),
        HeadPalette.color(1, 2, false),
        8,
        "the other view keeps the standard palette");

    switchTheme(Theme.DARK, styled);
    p = ViewProbe.scaled(ViewProbe.along(styled::tokenBounds, 0, 3, 0.25), scale);
    assertNear(Pixels.paint(styled, scale), p.getX(), p.getY(), MAGENTA, 8, "kept when dark");

    styled.setHeadPalette(null);
    assertSame(HeadPalette.standard(), styled.getHeadPalette());
    assertEquals(List.of(own, HeadPalette.standard()), events);
    assertNear(
        Pixels.paint(styled, scale),
        p.getX(),
        p.getY(),
        HeadPalette.color(1, 2, true),
        8,
        "standard again");
  }
}
