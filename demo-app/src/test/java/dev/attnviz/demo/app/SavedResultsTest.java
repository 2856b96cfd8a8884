package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store of the result shown at the next start: one file, whole or absent, capped. */
class SavedResultsTest {

  private static final String KEY_A = "a".repeat(64);
  private static final String KEY_B = "b".repeat(64);

  @TempDir Path dir;

  private static AttentionData data(boolean vectors) {
    return SyntheticAttention.pair(vectors).toBuilder()
        .setModel(new ModelInfo("m", "counting", false))
        .build();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(SavedResults.FOLDER))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSavedResultReadsBackEqualAndOnlyTheLastIsKept() throws Exception {
    SavedResults saved = new SavedResults(dir.resolve(SavedResults.FOLDER), 1 << 20);
    assertTrue(saved.find(KEY_A).isEmpty(), "nothing saved yet, and no folder needed to ask");
    AttentionData data = data(true);
    assertTrue(saved.save(KEY_A, data));
    Path file = saved.find(KEY_A).orElseThrow();
    assertEquals(data, saved.read(file, "counting"), "queries and keys included");

    assertTrue(saved.save(KEY_B, data(false)));
    assertTrue(saved.find(KEY_A).isEmpty(), "the earlier result is gone");
    assertEquals(List.of("result-" + KEY_B + ".json"), files());
  }

  @Test
  void aResultOverTheCapIsNotSavedAndLeavesNothingBehind() throws Exception {
    Path folder = dir.resolve(SavedResults.FOLDER);
    SavedResults roomy = new SavedResults(folder, 1 << 20);
    assertTrue(roomy.save(KEY_A, data(false)));
    long size = Files.size(roomy.find(KEY_A).orElseThrow());

    SavedResults capped = new SavedResults(folder, size - 1);
    assertFalse(capped.save(KEY_B, data(false)), "one byte over the cap");
    assertEquals(
        List.of("result-" + KEY_A + ".json"),
        files(),
        "no half-written or temporary file; the earlier result stays");
    assertEquals(data(false), capped.read(folder.resolve(files().get(0)), "counting"));
    assertTrue(new SavedResults(folder, size).save(KEY_B, data(false)), "exactly the cap fits");
  }

  @Test
  void aTruncatedOrForeignFileIsRefusedWithOneLineAndDeleted() throws Exception {
    SavedResults saved = new SavedResults(dir.resolve(SavedResults.FOLDER), 1 << 20);
    saved.save(KEY_A, data(false));
    Path file = saved.find(KEY_A).orElseThrow();
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    AttentionException truncated =
        assertThrows(AttentionException.class, () -> saved.read(file, "counting"));
    assertFalse(truncated.getMessage().contains("\n"), truncated.getMessage());
    assertTrue(saved.find(KEY_A).isEmpty(), "a damaged file is not tried again");

    saved.save(KEY_A, data(false));
    AttentionException foreign =
        assertThrows(
            AttentionException.class,
            () -> saved.read(saved.find(KEY_A).orElseThrow(), "tensorflow"));
    assertTrue(foreign.getMessage().contains("another backend"), foreign.getMessage());
  }

  @Test
  void turnedOffItNeitherSavesNorFinds() throws Exception {
    SavedResults off = SavedResults.off();
    assertFalse(off.enabled());
    assertFalse(off.save(KEY_A, data(false)));
    assertTrue(off.find(KEY_A).isEmpty());
    String before = System.getProperty(SavedResults.PROPERTY);
    try {
      System.setProperty(SavedResults.PROPERTY, "false");
      assertFalse(SavedResults.standard().enabled());
      System.setProperty(SavedResults.PROPERTY, "true");
      assertTrue(SavedResults.standard().enabled());
    } finally {
      if (before == null) {
        System.clearProperty(SavedResults.PROPERTY);
      } else {
        System.setProperty(SavedResults.PROPERTY, before);
      }
    }
  }
}
