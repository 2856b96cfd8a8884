package dev.attnviz.swing.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javax.swing.JComponent;

/**
 * The user-visible text of the views, read from the resource bundle {@value #BUNDLE} (English in
 * {@code dev/attnviz/swing/Messages.properties}; a host adds a language with its own {@code
 * Messages_xx.properties} in that package).
 *
 * <p><b>Which locale.</b> Text is looked up for {@link JComponent#getDefaultLocale()}, the locale
 * Swing gives every new component: {@link Locale#getDefault()} unless the host called {@link
 * JComponent#setDefaultLocale}. It is read each time text is shown (painted messages, tooltips,
 * accessible descriptions) or a control is built (labels, check boxes), so a host sets the locale
 * before it creates the views. A later {@code setLocale} on a single view is not followed: one rule
 * for every piece of text, rather than some following the view and some the JVM.
 *
 * <p><b>Numbers</b> stay locale-independent, as in exported files: integer arguments are written as
 * {@link String#valueOf(Object)} writes them (no grouping), and fractions are formatted by the
 * caller ({@code render.NumberText}) before they are passed.
 *
 * <p>This package is not exported: the views are its only users.
 */
public final class Messages {

  /** The base name of the bundle. */
  public static final String BUNDLE = "dev.attnviz.swing.Messages";

  private static final System.Logger LOG = System.getLogger(Messages.class.getName());

  private Messages() {}

  /**
   * The text of {@code key}, as written in the bundle (no {@link MessageFormat} processing, so an
   * apostrophe is written once).
   *
   * @param key a key of the bundle, e.g. {@code "headView.name"}
   * @return the text for the current locale; the key itself, logged, if the bundle lacks it (a test
   *     checks that it never does)
   * @throws NullPointerException if {@code key} is null
   */
  public static String text(String key) {
    return text(locale(), key);
  }

  /**
   * The text of {@code key} in {@code locale}, as {@link #text(String)}; {@link Locale#ROOT} gives
   * the English text whatever the locale, for exported files, which stay the same everywhere.
   *
   * @param locale the locale to look the text up for
   * @param key a key of the bundle
   * @return the text; the key itself, logged, if the bundle lacks it
   * @throws NullPointerException if {@code locale} or {@code key} is null
   */
  public static String text(Locale locale, String key) {
    try {
      return bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      LOG.log(System.Logger.Level.WARNING, "no text for key " + key + " in " + BUNDLE, e);
      return key;
    }
  }

  /**
   * The pattern of {@code key} with {@code args} filled in by {@link MessageFormat} (so an
   * apostrophe in the pattern is written twice, {@code ''}).
   *
   * @param key a key of the bundle whose text is a {@link MessageFormat} pattern
   * @param args the values for {@code {0}}, {@code {1}}, ...; a {@link Number} is written as {@link
   *     String#valueOf(Object)} writes it, in every locale
   * @return the formatted text for the current locale
   * @throws NullPointerException if {@code key} is null
   */
  public static String format(String key, Object... args) {
    return format(locale(), key, args);
  }

  /**
   * The pattern of {@code key} in {@code locale} with {@code args} filled in, as {@link
   * #format(String, Object...)}; {@link Locale#ROOT} gives English, for exported files.
   *
   * @param locale the locale to look the pattern up for
   * @param key a key of the bundle whose text is a {@link MessageFormat} pattern
   * @param args the values for the pattern's arguments
   * @return the formatted text
   * @throws NullPointerException if {@code locale} or {@code key} is null
   */
  public static String format(Locale locale, String key, Object... args) {
    Object[] plain = args.clone();
    for (int i = 0; i < plain.length; i++) {
      if (plain[i] instanceof Number) {
        plain[i] = String.valueOf(plain[i]);
      }
    }
    return new MessageFormat(text(locale, key), locale).format(plain);
  }

  /**
   * The locale text is looked up for.
   *
   * @return {@link JComponent#getDefaultLocale()}
   */
  public static Locale locale() {
    return JComponent.getDefaultLocale();
  }

  private static ResourceBundle bundle(Locale locale) {
    // ResourceBundle caches loaded bundles, so this is a map lookup after the first call.
    return ResourceBundle.getBundle(BUNDLE, locale);
  }
}
