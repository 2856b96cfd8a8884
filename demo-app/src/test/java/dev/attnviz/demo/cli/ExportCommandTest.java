package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionFiles;
import dev.attnviz.core.testing.AttentionAssertions;
import dev.attnviz.core.testing.OracleFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code attnviz export} with each real backend reproduces the golden fixtures. */
class ExportCommandTest {

  @TempDir Path dir;

  static List<Arguments> backendsAndFixtures() {
    List<Arguments> cases = new ArrayList<>();
    for (String name : OracleFixture.NAMES) {
      cases.add(Arguments.of("tensorflow", OracleFixture.BERT_BASE_UNCASED, name));
      cases.add(Arguments.of("djl", OracleFixture.ALL_MINILM_L6_V2, name));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("backendsAndFixtures")
  void exportMatchesTheGoldenValues(String backend, String model, String name) throws Exception {
    OracleFixture fixture = OracleFixture.load(model, name);
    Path out = dir.resolve(name + ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--backend",
                backend,
                "--text",
                fixture.textA(),
                "--queries-keys",
                "--out",
                out.toString()));
    if (fixture.textB() != null) {
      args.addAll(List.of("--text-b", fixture.textB()));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(Cli.OK, run.code(), run::toString);
    assertEquals("", run.errorLines(), run::toString);

    AttentionData data = AttentionFiles.read(out);
    assertEquals(backend, data.model().backend());
    fixture.assertMatches(data, 1e-4, 1e-3);
    AttentionAssertions.assertRowsSumToOne(data, 1e-5);
    assertTrue(data.hasVectors());
  }
}
