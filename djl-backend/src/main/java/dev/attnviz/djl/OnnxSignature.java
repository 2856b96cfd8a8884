package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A cheap look at the first bytes of a file that should be an ONNX model, so that a file of another
 * kind is refused at once, before it is hashed or parsed whole. An ONNX file is a protocol buffer
 * {@code ModelProto}, whose first byte is a field tag: a field number of the message (1 to 20) and
 * a varint or length-delimited wire type. Exporters write {@code ir_version} (tag {@code 0x08})
 * first.
 */
final class OnnxSignature {

  private static final int MAX_FIELD = 20;

  private OnnxSignature() {}

  /**
   * Reads the first bytes of {@code onnx}.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if they cannot start an ONNX
   *     model, or {@link Reason#MODEL_NOT_FOUND} if the file cannot be read
   */
  static void check(Path onnx) throws AttentionException {
    byte[] head;
    try (InputStream in = Files.newInputStream(onnx)) {
      head = in.readNBytes(4);
    } catch (IOException e) {
      throw ModelFiles.unreadable(onnx, e);
    }
    if (head.length == 0) {
      throw notOnnx(onnx, "it is empty");
    }
    int tag = head[0] & 0xff;
    int field = tag >>> 3;
    int wireType = tag & 7;
    if (field < 1 || field > MAX_FIELD || (wireType != 0 && wireType != 2)) {
      throw notOnnx(onnx, "it starts with the bytes " + HexFormat.ofDelimiter(" ").formatHex(head));
    }
  }

  private static AttentionException notOnnx(Path onnx, String why) {
    return new AttentionException(
        Reason.MODEL_INVALID,
        "Cannot open "
            + onnx
            + ": it is not an ONNX model ("
            + why
            + "). Choose the .onnx file your exporter wrote (e.g. torch.onnx.export or"
            + " optimum-cli export onnx).");
  }
}
