package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved result is found only by the very request, model and options it was computed for. */
class SavedResultKeyTest {

  @TempDir Path dir;

  private final CountingProviderFactory counting = new CountingProviderFactory();

  private static AttentionRequest.Builder request() {
    return AttentionRequest.builder().setTextA("The cat sat.").optQueriesAndKeys(true);
  }

  private String key(ModelSource source, AttentionRequest request) {
    return SavedResultKey.of(counting, source, request);
  }

  @Test
  void theSameRequestHasTheSameKeyAndEveryChangeAnother() {
    ModelSource embedded = ModelSource.embeddedDefault();
    String base = key(embedded, request().build());
    assertEquals(base, key(embedded, request().build()));
    assertEquals(64, base.length());

    Map<String, String> changed = new LinkedHashMap<>();
    changed.put("text", key(embedded, request().setTextA("The cat sat!").build()));
    changed.put("pair", key(embedded, request().optTextB("It slept.").build()));
    changed.put("vectors", key(embedded, request().optQueriesAndKeys(false).build()));
    changed.put("target", key(embedded, request().optTarget("mat").build()));
    changed.put("generation", key(embedded, request().optMaxNewTokens(3).build()));
    changed.put("overflow", key(embedded, request().optOverflow(OverflowPolicy.TRUNCATE).build()));
    changed.put("model path", key(ModelSource.of(dir), request().build()));
    changed.put(
        "model option", key(embedded.withOption(ModelSource.MAX_TOKENS, "128"), request().build()));
    changed.forEach((what, other) -> assertNotEquals(base, other, what));
    assertEquals(changed.size(), changed.values().stream().distinct().count());
  }

  @Test
  void aChangedModelFileChangesTheKey() throws Exception {
    Path model = Files.createDirectories(dir.resolve("model"));
    Path weights = Files.write(model.resolve("weights.bin"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(weights, FileTime.fromMillis(1_000_000_000_000L));
    ModelSource source = ModelSource.of(model);
    String before = key(source, request().build());
    assertEquals(before, key(source, request().build()), "nothing changed");

    Files.setLastModifiedTime(weights, FileTime.fromMillis(1_000_000_001_000L));
    String touched = key(source, request().build());
    assertNotEquals(before, touched, "modified again");

    Files.write(weights, new byte[] {1, 2, 4, 5});
    Files.setLastModifiedTime(weights, FileTime.fromMillis(1_000_000_001_000L));
    assertNotEquals(touched, key(source, request().build()), "another size");

    Files.write(model.resolve("vocab.txt"), new byte[] {9});
    assertNotEquals(touched, key(source, request().build()), "a file more");
  }
}
