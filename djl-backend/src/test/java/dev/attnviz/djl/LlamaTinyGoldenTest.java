package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.GenerationListener;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import dev.attnviz.core.testing.HfGolden;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tiny Llama-style export of {@code fixtures/llama-tiny} (rotary position embedding, 4 query
 * heads sharing 2 key/value heads) against its PyTorch golden values: attention within 1e-5, the
 * rotated queries and keys within 1e-4, tokens identical.
 */
class LlamaTinyGoldenTest {

  @TempDir static Path cache;

  @ParameterizedTest
  @ValueSource(strings = {"cat", "second"})
  void rotaryGroupedQueryExportMatchesPyTorch(String caseName) throws Exception {
    Path folder = HfExports.sibling("llama-tiny");
    HfGolden golden = HfGolden.load(folder, caseName);
    try (AttentionProvider provider = new DjlProviderFactory(cache).open(ModelSource.of(folder))) {
      AttentionData data = provider.compute(golden.request(GenerationListener.NONE));

      golden.assertMatches(data, 1e-5, 1e-4);
      Attention self = data.attention(AttentionKind.SELF);
      Tensor4D keys = self.keys().orElseThrow();
      assertEquals(4, keys.dim1(), "one key vector per query head");
      // Grouped-query attention: query heads 0 and 1 share key head 0, as repeat_kv makes them.
      for (int d = 0; d < keys.dim3(); d++) {
        assertEquals(keys.get(1, 0, 2, d), keys.get(1, 1, 2, d), "shared key head, dim " + d);
      }
      assertTrue(keys.get(1, 0, 2, 0) != keys.get(1, 2, 2, 0), "heads 0 and 2 use other keys");
    }
  }
}
