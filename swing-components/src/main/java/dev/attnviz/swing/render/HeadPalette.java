package dev.attnviz.swing.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Colours for attention heads (and model-view layers) that stay distinguishable for any head count,
 * identical on light and dark backgrounds, so that a head keeps its colour when the theme changes
 * and figures made in either theme agree.
 *
 * <p>Heads 0 to 9 use the hues and chromas of the reference tool's categorical palette (d3
 * category10), so figures look familiar, with their OKLCH lightness range (0.51 to 0.77) mapped
 * onto 0.56 to 0.80: mid-tones that stand out as much from a white background as from a dark grey
 * one (line contrast comparable in both themes; category10's blue was barely visible on dark). The
 * reference repeats the palette from head 10 on, so heads 0 and 10 look the same; here every
 * further head gets the OKLCH colour farthest (in OKLab) from all colours before it, chosen from
 * the same mid-tone band. The sequence is fixed, so a head keeps its colour whatever the head
 * count, and consecutive heads differ as much as the remaining room allows.
 *
 * <p>{@link #standard()} is this sequence; {@link #of(Color...)} is a palette of the host's own
 * colours, which a view takes through {@code setHeadPalette}. Immutable and thread-safe.
 */
public final class HeadPalette {

  private static final HeadPalette STANDARD = new HeadPalette(null);

  private static final int[] CATEGORY10 = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf
  };

  /** Category10's own OKLCH lightness range, and the mid-tone range it is drawn in. */
  private static final double SEED_LOW = 0.511;

  private static final double SEED_HIGH = 0.773;
  private static final double MID_LOW = 0.56;
  private static final double MID_HIGH = 0.80;

  /**
   * The lightest and darkest usual backgrounds, and how far every picked colour stays from both.
   */
  private static final Color LIGHT_GREY = new Color(0xEEEEEE);

  private static final Color DARK_GREY = new Color(0x3C3F41);
  private static final double BACKGROUND_DISTANCE = 0.21;

  private static final Sequence COLORS = new Sequence(0.56, 0.84);

  /** The host's colours, or null for the standard sequence. */
  private final Color[] custom;

  private HeadPalette(Color[] custom) {
    this.custom = custom;
  }

  /**
   * The standard palette described above.
   *
   * @return the standard palette
   */
  public static HeadPalette standard() {
    return STANDARD;
  }

  /**
   * A palette of the given colours, the same on light and dark backgrounds: head {@code h} gets
   * {@code colors[h % colors.length]}, so with fewer colours than heads some heads share a colour.
   *
   * @param colors the head colours, in head order; at least one
   * @return the palette
   * @throws IllegalArgumentException if {@code colors} is empty
   * @throws NullPointerException if a colour is null
   */
  public static HeadPalette of(Color... colors) {
    if (colors.length == 0) {
      throw new IllegalArgumentException("a head palette needs at least one colour");
    }
    Color[] copy = colors.clone();
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], "colors[" + i + "]");
    }
    return new HeadPalette(copy);
  }

  /**
   * The colour of {@code head} among {@code headCount} heads in this palette.
   *
   * @param head the head index, 0-based
   * @param headCount the number of heads
   * @return the colour
   * @param darkBackground whether the colour is drawn on a dark background
   * @throws IllegalArgumentException if {@code head} is negative
   */
  public Color headColor(int head, int headCount, boolean darkBackground) {
    if (custom == null) {
      return color(head, headCount, darkBackground);
    }
    if (head < 0) {
      throw new IllegalArgumentException("head " + head + " is negative");
    }
    return custom[head % custom.length];
  }

  /**
   * The colour of {@code head} among {@code headCount} heads.
   *
   * @param head the head index, 0-based
   * @param headCount the number of heads
   * @return the standard palette's colour
   * @param darkBackground whether the colour is drawn on a dark background: the colour is the same
   *     either way (kept so that callers need not know)
   * @throws IllegalArgumentException if {@code head} is negative
   */
  public static Color color(int head, int headCount, boolean darkBackground) {
    if (head < 0) {
      throw new IllegalArgumentException("head " + head + " is negative");
    }
    return COLORS.get(head);
  }

  /**
   * The colours of all {@code headCount} heads.
   *
   * @param headCount the number of heads
   * @param darkBackground whether the colours are drawn on a dark background
   * @return a new array of {@code headCount} colours
   */
  public static Color[] colors(int headCount, boolean darkBackground) {
    Color[] colors = new Color[headCount];
    for (int h = 0; h < headCount; h++) {
      colors[h] = color(h, headCount, darkBackground);
    }
    return colors;
  }

  /** Category10 followed by greedy farthest-point picks from an OKLCH band, grown on demand. */
  private static final class Sequence {
    private final double minLightness;
    private final double maxLightness;
    private final List<Color> picked = new ArrayList<>();
    private List<Color> candidates;

    Sequence(double minLightness, double maxLightness) {
      this.minLightness = minLightness;
      this.maxLightness = maxLightness;
      for (int rgb : CATEGORY10) {
        picked.add(midTone(new Color(rgb)));
      }
    }

    /** The colour with its lightness mapped onto the mid-tone range, same hue and chroma. */
    private static Color midTone(Color color) {
      double[] lab = Oklch.toOklab(color);
      double lightness =
          MID_LOW + (lab[0] - SEED_LOW) * (MID_HIGH - MID_LOW) / (SEED_HIGH - SEED_LOW);
      double chroma = Math.hypot(lab[1], lab[2]);
      double hue = Math.toDegrees(Math.atan2(lab[2], lab[1]));
      return Oklch.toColor(lightness, chroma, hue);
    }

    synchronized Color get(int index) {
      if (index < picked.size()) {
        return picked.get(index);
      }
      if (candidates == null) {
        candidates = candidates();
      }
      while (picked.size() <= index) {
        picked.add(farthest());
      }
      return picked.get(index);
    }

    private Color farthest() {
      Color best = null;
      double bestDistance = -1;
      for (Color candidate : candidates) {
        double nearest = Double.MAX_VALUE;
        for (Color chosen : picked) {
          nearest = Math.min(nearest, Oklch.distance(candidate, chosen));
          if (nearest <= bestDistance) {
            break;
          }
        }
        if (nearest > bestDistance) {
          bestDistance = nearest;
          best = candidate;
        }
      }
      return best;
    }

    /**
     * Colours of the band whose chroma fits in sRGB without being reduced, and that stand out from
     * a light grey (#EEEEEE) and a dark grey (#3C3F41) background alike.
     */
    private List<Color> candidates() {
      List<Color> result = new ArrayList<>();
      for (double l = minLightness; l <= maxLightness + 1e-9; l += 0.04) {
        for (double chroma : new double[] {0.07, 0.11, 0.15, 0.19, 0.23}) {
          for (double hue = 0; hue < 360; hue += 6) {
            Color color = Oklch.toColor(l, chroma, hue);
            double[] lab = Oklch.toOklab(color);
            if (Math.abs(Math.hypot(lab[1], lab[2]) - chroma) < 0.004
                && Oklch.distance(color, LIGHT_GREY) >= BACKGROUND_DISTANCE
                && Oklch.distance(color, DARK_GREY) >= BACKGROUND_DISTANCE) {
              result.add(color);
            }
          }
        }
      }
      return result;
    }
  }
}
