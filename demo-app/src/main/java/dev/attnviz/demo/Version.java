package dev.attnviz.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application version, filtered into a resource at build time. */
public final class Version {

  private Version() {}

  /**
   * Returns the version, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version, or {@code "unknown"} if the build did not record it
   */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled version.properties", e);
    }
  }
}
