package dev.attnviz.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a BERT-style ONNX file through DJL on raw token ids and copies out the named outputs: the
 * unmodified model, next to the rewritten one, for the equivalence test and the benchmarks. Runs
 * with the provider's ONNX Runtime settings ({@link SessionSettings}) and, like the provider, one
 * predictor kept for every run, so that a comparison with the provider measures the graph and the
 * provider's work, not a difference in set-up.
 *
 * <p>Not thread-safe: one run at a time.
 */
final class RawOnnxModel implements AutoCloseable {

  private final Model model;
  private final Predictor<Query, Map<String, float[]>> predictor;

  /** Loads {@code onnx} into ONNX Runtime. */
  RawOnnxModel(Path onnx) throws IOException, MalformedModelException, OrtException {
    model = Model.newInstance("raw", DjlModelLoader.ENGINE);
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      model.load(onnx, null, SessionSettings.djlLoadOptions(options));
    } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
      model.close();
      throw e;
    }
    predictor = model.newPredictor(new Translator());
  }

  /**
   * Runs one input (attention mask all ones, token types zero) and returns the outputs named in
   * {@code wanted}, in that order.
   */
  Map<String, float[]> run(long[] ids, List<String> wanted) throws TranslateException {
    return predictor.predict(new Query(ids, wanted));
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }

  private record Query(long[] ids, List<String> wanted) {}

  private static final class Translator
      implements NoBatchifyTranslator<Query, Map<String, float[]>> {

    private static final String WANTED = "wanted";

    @Override
    public NDList processInput(TranslatorContext ctx, Query query) {
      ctx.setAttachment(WANTED, query.wanted());
      long[] ids = query.ids();
      NDManager manager = ctx.getNDManager();
      Shape shape = new Shape(1, ids.length);
      long[] ones = new long[ids.length];
      Arrays.fill(ones, 1);
      return new NDList(
          named(manager.create(ids, shape), "input_ids"),
          named(manager.create(ones, shape), "attention_mask"),
          named(manager.create(new long[ids.length], shape), "token_type_ids"));
    }

    @Override
    public Map<String, float[]> processOutput(TranslatorContext ctx, NDList outputs) {
      Map<String, float[]> values = new LinkedHashMap<>();
      @SuppressWarnings("unchecked")
      List<String> wanted = (List<String>) ctx.getAttachment(WANTED);
      for (String name : wanted) {
        values.put(name, outputs.get(name).toFloatArray());
      }
      return values;
    }

    private static NDArray named(NDArray array, String name) {
      array.setName(name);
      return array;
    }
  }
}
