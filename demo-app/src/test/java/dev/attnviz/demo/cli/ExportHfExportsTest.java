package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionFiles;
import dev.attnviz.core.testing.HfExports;
import dev.attnviz.core.testing.HfGolden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code attnviz export --backend djl --model DIR ...} on every tiny Hugging Face export: the file
 * written holds what PyTorch computed (the fixtures' golden files), for every kind.
 */
class ExportHfExportsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "gpt2-tiny-hf, cat",
    "bert-tiny-hf-fixed, pair",
    "bart-tiny-hf, cat",
    "bart-tiny-hf-optimum, dog-le-chien",
    "t5-tiny-hf, dog-le-chien",
    "gpt2-tiny-lm, cat-greedy",
    "bart-tiny-lm-optimum, cat-greedy"
  })
  void exportWritesWhatPyTorchComputed(String model, String caseName) throws Exception {
    assertExportMatches(HfExports.folder(model), HfGolden.load(model, caseName));
  }

  @Test
  void aLlamaExportWritesTheRotatedQueriesAndKeysPyTorchComputed() throws Exception {
    Path folder = HfExports.sibling("llama-tiny");
    assertExportMatches(folder, HfGolden.load(folder, "second"));
  }

  /** Exports the golden case's input from {@code folder} and compares the file with the case. */
  private void assertExportMatches(Path folder, HfGolden golden) throws Exception {
    JsonNode json = golden.json();
    Path out = dir.resolve(golden.model() + ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--backend",
                "djl",
                "--model",
                folder.toString(),
                "--text",
                json.get("source").asText(),
                "--queries-keys",
                "--out",
                out.toString()));
    if (!json.get("sourceB").isNull()) {
      args.addAll(List.of("--text-b", json.get("sourceB").asText()));
    }
    if (json.has("target") && !json.get("target").isNull()) {
      args.addAll(List.of("--target", json.get("target").asText()));
    }
    if (json.has("maxNewTokens")) {
      args.addAll(List.of("--generate", json.get("maxNewTokens").asText()));
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(Cli.OK, run.code(), run::toString);
    assertEquals("", run.errorLines(), run::toString);
    AttentionData data = AttentionFiles.read(out);
    golden.assertMatches(data, 1e-5, 1e-4);
  }

  @Test
  void theReadmeSeq2seqCommandsWork() throws Exception {
    Path seq2seq = dir.resolve("seq2seq.json");
    Path cross = dir.resolve("cross.png");

    CliRun export =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--model",
            HfExports.folder("bart-tiny-hf-optimum").toString(),
            "--text",
            "The cat sat on the mat",
            "--target",
            "Le chat",
            "--queries-keys",
            "--out",
            seq2seq.toString());
    CliRun render =
        CliRun.of(
            "render",
            "--view",
            "head",
            "--input",
            seq2seq.toString(),
            "--kind",
            "cross",
            "--layer",
            "1",
            "--out",
            cross.toString());

    assertEquals(Cli.OK, export.code(), export::toString);
    assertEquals(Cli.OK, render.code(), render::toString);
    assertTrue(Files.size(cross) > 1000, "a picture was drawn");
    assertEquals(
        List.of("</s>", "<s>", "L", "e", "Ġc", "h", "at", "</s>"),
        AttentionFiles.read(seq2seq)
            .attention(dev.attnviz.core.AttentionKind.CROSS)
            .queryTokens()
            .strings());
  }

  @Test
  void theBrokenBertExportIsReportedInOneLineAndNoFileIsWritten() {
    Path out = dir.resolve("broken.json");

    CliRun run =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--model",
            HfExports.folder("bert-tiny-hf").toString(),
            "--text",
            "The cat sat on the mat",
            "--out",
            out.toString());

    assertTrue(run.code() != Cli.OK, run::toString);
    assertTrue(run.errorLines().contains("gives degenerate attention"), run::toString);
    assertTrue(run.errorLines().contains("forward()"), run::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void modelOptionsReachTheBackendFromTheCommandLine() {
    Path out = dir.resolve("options.json");
    String model = HfExports.folder("bert-tiny-hf-fixed").toString();

    CliRun typo =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--model",
            model,
            "--model-option",
            "maxTokenz=4",
            "--text",
            "the cat",
            "--out",
            out.toString());
    CliRun limit =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--model",
            model,
            "--model-option",
            "maxTokens=4",
            "--text",
            "the cat sat on the mat",
            "--out",
            out.toString());

    assertTrue(
        typo.errorLines().contains("The model option maxTokenz is unknown to the djl backend"),
        typo::toString);
    assertTrue(limit.errorLines().contains("takes at most 4"), limit::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void aTargetAndGenerationTogetherAreAUsageError() {
    CliRun run =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--model",
            HfExports.folder("bart-tiny-lm-optimum").toString(),
            "--text",
            "The cat",
            "--target",
            "Le chat",
            "--generate",
            "3",
            "--out",
            dir.resolve("x.json").toString());

    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("Give either --target or --generate, not both"), run::toString);
  }
}
