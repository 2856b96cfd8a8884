package dev.attnviz.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.onnxruntime.OnnxTensor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The float32 values of one output of a run, read where ONNX Runtime wrote them.
 *
 * <p>ONNX Runtime 1.21's public reads ({@code OnnxTensor.getByteBuffer()}, {@code
 * getFloatBuffer()}, and DJL's {@code toByteBuffer()} on top of them) allocate a heap buffer of the
 * output's size, zero it, and copy the native memory into it; the caller then copies it once more
 * into its own array. At 124 tokens that is 4.4 MB of attention (2.3 MB more with queries and keys)
 * allocated, zeroed and copied per compute, in buffers large enough to be humongous objects for G1.
 * The copy is made from a direct buffer over the tensor's memory that ONNX Runtime builds privately
 * ({@code OnnxTensor.getBuffer()}); this class reads that view instead, so the values go straight
 * from ONNX Runtime's memory into the {@link dev.attnviz.core.Tensor4D} being built. The values are
 * the same bytes in the same (native) order.
 *
 * <p>The view is only valid while the tensor is open: callers read it inside the translator's
 * {@code processOutput}, before DJL closes the run's native arrays. If the private method is not
 * there (another ONNX Runtime version) or not accessible, every read falls back to the public copy.
 */
final class OutputFloats {

  private static final System.Logger LOG = System.getLogger(OutputFloats.class.getName());

  /** {@code OnnxTensor.getBuffer()}: a direct, native-order view of the tensor; or null. */
  private static final MethodHandle VIEW = findView();

  /**
   * Reads through the public copy even where the view is available. Only for {@code
   * ComputeBenchmark}, which measures both paths side by side in one JVM.
   */
  static volatile boolean copying;

  private OutputFloats() {}

  /**
   * Returns the values of {@code array}, a float32 output of the current run, positioned at its
   * first value.
   *
   * @param array an open float32 output
   * @return its values; a view of native memory valid while {@code array} is open, or a copy
   */
  static FloatBuffer of(NDArray array) {
    if (VIEW != null && !copying && array instanceof OrtNDArray ort) {
      try {
        ByteBuffer view = (ByteBuffer) VIEW.invokeExact(ort.getTensor());
        return view.asFloatBuffer();
      } catch (Throwable e) {
        // Not expected once the handle was found; the public copy is always right.
        LOG.log(System.Logger.Level.DEBUG, "reading an output in place failed; copying it", e);
      }
    }
    return array.toByteBuffer().asFloatBuffer();
  }

  /** Whether outputs are read in place (for tests). */
  static boolean readsInPlace() {
    return VIEW != null;
  }

  private static MethodHandle findView() {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(OnnxTensor.class, MethodHandles.lookup());
      return lookup.findSpecial(
          OnnxTensor.class, "getBuffer", MethodType.methodType(ByteBuffer.class), OnnxTensor.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "ONNX Runtime offers no in-place view of outputs here; outputs are copied",
          e);
      return null;
    }
  }
}
