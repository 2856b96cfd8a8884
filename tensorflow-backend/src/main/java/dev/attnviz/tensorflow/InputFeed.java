package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.TokenizedInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The input tensors of one compute: token ids, attention mask and segment ids as {@code [1,
 * length]} tensors, padded with zeros (and mask 0) past the real tokens. Closing releases their
 * native memory.
 */
final class InputFeed implements AutoCloseable {

  private final List<String> names = new ArrayList<>();
  private final List<Tensor> tensors = new ArrayList<>();

  private InputFeed() {}

  /**
   * Builds the tensors the signature takes for {@code input}, padded to {@code length}.
   *
   * @throws IllegalArgumentException if the input is longer than {@code length}
   */
  static InputFeed of(ServingSignature signature, TokenizedInput input, int length) {
    if (input.size() > length) {
      throw new IllegalArgumentException(
          input.size() + " tokens do not fit a model input of length " + length);
    }
    // The model takes a fixed length: the real tokens first, then padding that the mask hides.
    long[] ids = Arrays.copyOf(input.ids(), length);
    long[] segments = Arrays.copyOf(input.typeIds(), length);
    long[] mask = new long[length];
    Arrays.fill(mask, 0, input.size(), 1);
    InputFeed feed = new InputFeed();
    try {
      feed.add(signature.ids(), ids, signature.longInputs());
      feed.add(signature.mask(), mask, signature.longInputs());
      feed.add(signature.segments(), segments, signature.longInputs());
    } catch (RuntimeException e) {
      feed.close();
      throw e;
    }
    return feed;
  }

  private void add(Optional<String> name, long[] values, boolean asLong) {
    if (name.isPresent()) {
      add(name.get(), values, asLong);
    }
  }

  private void add(String name, long[] values, boolean asLong) {
    Shape shape = Shape.of(1, values.length);
    Tensor tensor;
    if (asLong) {
      tensor = TInt64.tensorOf(shape, DataBuffers.of(values, true, false));
    } else {
      int[] ints = new int[values.length];
      for (int i = 0; i < ints.length; i++) {
        ints[i] = Math.toIntExact(values[i]);
      }
      tensor = TInt32.tensorOf(shape, DataBuffers.of(ints, true, false));
    }
    names.add(name);
    tensors.add(tensor);
  }

  /** Feeds every tensor into {@code runner} and returns it. */
  Session.Runner feedInto(Session.Runner runner) {
    for (int i = 0; i < tensors.size(); i++) {
      runner.feed(names.get(i), tensors.get(i));
    }
    return runner;
  }

  @Override
  public void close() {
    tensors.forEach(Tensor::close);
    tensors.clear();
  }
}
