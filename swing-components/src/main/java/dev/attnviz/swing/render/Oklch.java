package dev.attnviz.swing.render;

import java.awt.Color;

/**
 * Conversions between sRGB and the perceptual OKLab/OKLCH colour spaces (Björn Ottosson, 2020),
 * used to make palettes whose colours differ evenly to the eye.
 */
public final class Oklch {

  private Oklch() {}

  /**
   * Returns the sRGB colour for OKLCH lightness {@code l} (0..1), chroma {@code c} and hue in
   * degrees; chroma is reduced until the colour fits in sRGB.
   *
   * @param l lightness, 0 to 1
   * @param c chroma, 0 to about 0.4
   * @param hueDegrees hue, in degrees
   * @return the sRGB colour
   */
  public static Color toColor(double l, double c, double hueDegrees) {
    double h = Math.toRadians(hueDegrees);
    for (double chroma = c; chroma >= 0; chroma -= 0.005) {
      double[] rgb = oklabToLinearRgb(l, chroma * Math.cos(h), chroma * Math.sin(h));
      if (inGamut(rgb)) {
        return new Color(encode(rgb[0]), encode(rgb[1]), encode(rgb[2]));
      }
    }
    double[] gray = oklabToLinearRgb(l, 0, 0);
    return new Color(encode(gray[0]), encode(gray[1]), encode(gray[2]));
  }

  /**
   * Returns the OKLab coordinates {@code [L, a, b]} of an sRGB colour.
   *
   * @param color an sRGB colour
   * @return a new array {L, a, b}
   */
  public static double[] toOklab(Color color) {
    double r = decode(color.getRed());
    double g = decode(color.getGreen());
    double b = decode(color.getBlue());
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return new double[] {
      0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
      1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
      0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
    };
  }

  /**
   * The Euclidean distance of two colours in OKLab: about 0.02 is a just-noticeable step.
   *
   * @param a one colour
   * @param b the other colour
   * @return the distance, 0 for equal colours
   */
  public static double distance(Color a, Color b) {
    double[] p = toOklab(a);
    double[] q = toOklab(b);
    return Math.sqrt(
        (p[0] - q[0]) * (p[0] - q[0])
            + (p[1] - q[1]) * (p[1] - q[1])
            + (p[2] - q[2]) * (p[2] - q[2]));
  }

  private static double[] oklabToLinearRgb(double lightness, double a, double b) {
    double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
    double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
    double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
    return new double[] {
      4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
      -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
      -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
    };
  }

  private static double cube(double x) {
    return x * x * x;
  }

  private static boolean inGamut(double[] rgb) {
    for (double v : rgb) {
      if (v < -1e-6 || v > 1 + 1e-6) {
        return false;
      }
    }
    return true;
  }

  private static int encode(double linear) {
    double v = Math.min(1, Math.max(0, linear));
    double srgb = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    return (int) Math.round(srgb * 255);
  }

  private static double decode(int channel) {
    double v = channel / 255.0;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
