package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link AttentionViews#warmUp()}: runs off the EDT without failing, and its class list is live.
 */
class AttentionViewsTest {

  @Test
  void warmsUpOnABackgroundThread() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(AttentionViews::warmUp, "warm-up");
    thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    thread.start();
    thread.join(120_000);
    assertTrue(!thread.isAlive() && failure.get() == null, "warm-up failed: " + failure.get());
  }

  @Test
  void everyViewClassItListsStillExists() throws Exception {
    List<String> missing = new ArrayList<>();
    int ours = 0;
    try (InputStream in = AttentionViews.class.getResourceAsStream("warm-up-classes.txt")) {
      assertNotNull(in, "the class list is packaged");
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("dev.attnviz.")) {
          ours++;
          try {
            Class.forName(line.strip(), false, AttentionViews.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            missing.add(line);
          }
        }
      }
    }
    assertTrue(ours > 50, "the list names the views' own classes: " + ours);
    assertEquals(List.of(), missing, "renamed or removed: regenerate the list (PERFORMANCE.md)");
  }
}
