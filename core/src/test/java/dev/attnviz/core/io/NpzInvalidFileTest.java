package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static dev.attnviz.core.io.NumpyCompatibilityTest.doubles;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an {@code .npz} can be bad ends in a message that names the problem. */
class NpzInvalidFileTest {

  private static final List<String> TOKENS = List.of("[CLS]", "a", "b", "[SEP]");
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  @TempDir Path dir;

  private static byte[] attention(int layers, int heads) {
    return NpyWriter.float32(floats(layers, heads, 4, 4, 0), LE, false, layers, heads, 4, 4);
  }

  private static NpzWriter valid() {
    return new NpzWriter()
        .put("attention", attention(2, 2))
        .put("tokens", NpyWriter.unicode(TOKENS));
  }

  @Test
  void tokenCountNotMatchingTheWeights() throws Exception {
    Path file = save(valid().put("tokens", NpyWriter.unicode(List.of("[CLS]", "a", "[SEP]"))));

    assertMentions(
        error(file),
        "tokens.npy holds 3 tokens but attention.npy has 4 rows (queries) (shape (2, 2, 4, 4))",
        "docs/FORMAT.md");
  }

  @Test
  void sidecarTokenCountNotMatchingTheWeights() throws Exception {
    assertMentions(
        errorWithTokensFile(
            new NpzWriter().put("attention", attention(1, 1)),
            lines(List.of("a", "b", "c", "d", "e"))),
        "have 4 query rows but there are 5 query tokens");
  }

  @Test
  void wrongNumberOfDimensions() throws Exception {
    Path file =
        save(valid().put("attention", NpyWriter.float32(floats(1, 1, 4, 4, 0), LE, false, 4, 4)));

    assertMentions(
        error(file),
        "attention.npy has shape (4, 4) but must have 4 dimensions [layers][heads][queries][keys]",
        "np.stack");
  }

  @Test
  void batchOfSeveralInputs() throws Exception {
    Path file =
        save(
            valid()
                .put(
                    "attention",
                    NpyWriter.float32(floats(2, 2, 4, 4, 0), LE, false, 2, 2, 1, 4, 4)));

    assertMentions(error(file), "shape (2, 2, 1, 4, 4), a batch of 2 inputs", "attention[:, 0]");
  }

  @Test
  void vectorsNotMatchingTheWeights() throws Exception {
    byte[] vectors = NpyWriter.float32(new float[2 * 2 * 3 * 8], LE, false, 2, 2, 3, 8);
    Path file = save(valid().put("queries", vectors).put("keys", vectors));

    assertMentions(error(file), "queries [2, 2, 3, 8] do not match 2 layers, 2 heads and 4 tokens");
  }

  @Test
  void queriesWithoutKeys() throws Exception {
    byte[] vectors = NpyWriter.float32(new float[2 * 2 * 4 * 8], LE, false, 2, 2, 4, 8);
    Path file = save(valid().put("queries", vectors));

    assertMentions(error(file), "it has 'queries' but not 'keys'", "together");
  }

  @Test
  void nanWeight() throws Exception {
    assertMentions(badWeight(Float.NaN), "weight at [layer 1][head 0][2][3] is NaN", "finite");
  }

  @Test
  void infiniteWeight() throws Exception {
    assertMentions(
        badWeight(Float.POSITIVE_INFINITY), "weight at [layer 1][head 0][2][3] is Infinity");
  }

  @Test
  void negativeWeight() throws Exception {
    assertMentions(badWeight(-0.25f), "is -0.25", "cannot be negative");
  }

  @Test
  void weightAboveOne() throws Exception {
    assertMentions(badWeight(1.5f), "is 1.5", "cannot exceed 1", "before the softmax");
  }

  private String badWeight(float value) throws IOException {
    float[] values = floats(2, 2, 4, 4, 0);
    values[((1 * 2 + 0) * 4 + 2) * 4 + 3] = value;
    return error(save(valid().put("attention", NpyWriter.float32(values, LE, false, 2, 2, 4, 4))));
  }

  @Test
  void shapeTooLargeForAnyArray() throws Exception {
    byte[] header = NpyWriter.header("<f4", false, 100000, 100000, 100000, 100000);
    Path file = save(valid().put("attention", NpyWriter.raw(header, new byte[64])));

    assertMentions(
        error(file),
        "attention.npy: shape [100000, 100000, 100000, 100000] has more elements than one Java array can hold",
        "fewer layers or tokens");
  }

  @Test
  void shapeLargerThanTheDataThatFollows() throws Exception {
    // 4 GB declared in a file of a few hundred bytes: refused before anything is allocated.
    byte[] header = NpyWriter.header("<f4", false, 8, 8, 4096, 4096);
    Path file = save(valid().put("attention", NpyWriter.raw(header, new byte[64])));

    assertMentions(
        error(file),
        "attention.npy is truncated: its header declares shape (8, 8, 4096, 4096) of '<f4'"
            + " (4294967296 bytes of data) but the data ends after 64 bytes");
  }

  @Test
  void dataShorterThanTheHeaderSays() throws Exception {
    byte[] full = attention(2, 2);
    Path file = save(valid().put("attention", Arrays.copyOf(full, full.length - 10)));

    assertMentions(
        error(file),
        "attention.npy is truncated",
        "(256 bytes of data) but the data ends after 246 bytes",
        "copied completely");
  }

  @Test
  void deflatedDataShorterThanTheHeaderSays() throws Exception {
    byte[] full = attention(2, 2);
    Path file = save(valid().put("attention", Arrays.copyOf(full, full.length - 10)), true);

    assertMentions(error(file), "attention.npy is truncated");
  }

  @Test
  void moreThanTheFreeMemory() throws Exception {
    // Compressed, so the weights are copied into the heap (stored float32 ones are mapped).
    Path file = save(valid(), true);
    MemoryBudget tiny = () -> 100;

    assertMentions(
        FileErrors.messageOf(file, () -> AttentionFiles.read(file, null, tiny)),
        // 256 bytes of weights, and 588 for at most four tokens of five characters (UTF-32) as
        // strings, with the buffers that decode them.
        "the attention in this file needs 844 bytes of memory but only 100 bytes of the Java heap"
            + " is free",
        "-Xmx");
  }

  @Test
  void archiveCutShort() throws Exception {
    byte[] whole = valid().deflated();
    Path file = dir.resolve("cut.npz");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertMentions(error(file), "it is not a complete .npz (zip) archive", "truncated");
  }

  @Test
  void corruptCompressedData() throws Exception {
    byte[] zip = valid().deflated();
    // The first entry's deflate stream starts after the 30-byte local header and its name.
    int data = 30 + "attention.npy".length();
    Arrays.fill(zip, data, data + 8, (byte) 0xff);
    Path file = dir.resolve("corrupt.npz");
    Files.write(file, zip);

    assertMentions(error(file), "attention.npy is damaged", "Save the file again");
  }

  @Test
  void objectArrayTokensAreNeverUnpickled() throws Exception {
    byte[] pickled = NpyWriter.raw(NpyWriter.header("|O", false, 4), new byte[] {(byte) 0x80, 4});
    Path file = save(valid().put("tokens", pickled));

    assertMentions(
        error(file),
        "tokens.npy holds Python objects (data type '|O'), which attnviz never unpickles",
        "np.array(tokens, dtype=str)");
  }

  @Test
  void unsupportedDataType() throws Exception {
    Path file =
        save(
            valid()
                .put(
                    "attention",
                    NpyWriter.raw(NpyWriter.header("<c8", false, 1, 1, 4, 4), new byte[128])));

    assertMentions(error(file), "attention.npy has the data type '<c8'", "float32 or float64");
  }

  @Test
  void integerAttention() throws Exception {
    Path file =
        save(
            valid()
                .put(
                    "attention",
                    NpyWriter.raw(NpyWriter.header("<i4", false, 1, 1, 4, 4), new byte[64])));

    assertMentions(
        error(file), "attention.npy holds '<i4' values, not floats", "astype(np.float32)");
  }

  @Test
  void numbersAsTokens() throws Exception {
    Path file =
        save(valid().put("tokens", NpyWriter.float64(doubles(1, 1, 1, 4, 0), LE, false, 4)));

    assertMentions(error(file), "tokens.npy holds '<f8' values, not strings", "dtype=str");
  }

  @Test
  void tokensOfSeveralInputs() throws Exception {
    Path file =
        save(
            valid()
                .put(
                    "tokens",
                    NpyWriter.unicode(List.of("a", "b", "c", "d", "e", "f", "g", "h"), LE, 2, 4)));

    assertMentions(error(file), "tokens.npy has shape (2, 4) but must be a list of tokens");
  }

  @Test
  void headerWithUnknownKey() throws Exception {
    byte[] npy = attention(2, 2);
    String text =
        new String(npy, StandardCharsets.ISO_8859_1).replace("'fortran_order'", "'fortran_ordeX'");
    Path file = save(valid().put("attention", text.getBytes(StandardCharsets.ISO_8859_1)));

    assertMentions(
        error(file),
        "attention.npy has an invalid header: unexpected key 'fortran_ordeX'",
        "numpy.savez");
  }

  @Test
  void headerWithAnExpression() throws Exception {
    byte[] npy = attention(2, 2);
    String text =
        new String(npy, StandardCharsets.ISO_8859_1).replace("(2, 2, 4, 4)", "(2*1, 2,4,4)");
    Path file = save(valid().put("attention", text.getBytes(StandardCharsets.ISO_8859_1)));

    assertMentions(error(file), "attention.npy has an invalid header: expected ',' or ')'");
  }

  @Test
  void headerWithAStructuredType() throws Exception {
    byte[] header =
        ("\u0093NUMPY\u0001\u0000\u0036\u0000{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (), }\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = save(valid().put("attention", header));

    assertMentions(error(file), "attention.npy is a structured array");
  }

  @Test
  void unknownNpyVersion() throws Exception {
    byte[] npy = attention(2, 2);
    npy[6] = 4;
    Path file = save(valid().put("attention", npy));

    assertMentions(error(file), "attention.npy uses .npy format version 4.0");
  }

  @Test
  void notAnNpyEntry() throws Exception {
    Path file = save(valid().put("attention", "hello, world".getBytes(StandardCharsets.US_ASCII)));

    assertMentions(error(file), "attention.npy is not a NumPy array");
  }

  @Test
  void headerCutShort() throws Exception {
    Path file = save(valid().put("attention", Arrays.copyOf(attention(2, 2), 40)));

    assertMentions(error(file), "attention.npy ends inside its header", "truncated");
  }

  @Test
  void noAttentionArray() throws Exception {
    Path file =
        save(
            new NpzWriter()
                .put("attentions", attention(2, 2))
                .put("tokens", NpyWriter.unicode(TOKENS)));

    assertMentions(
        error(file),
        "it has no array named 'attention' (it holds: attentions, tokens)",
        "np.savez");
  }

  @Test
  void noTokens() throws Exception {
    Path file = save(new NpzWriter().put("attention", attention(2, 2)));

    assertMentions(
        error(file), "'attention' needs the array 'tokens', which is missing", "tokens file");
  }

  @Test
  void encoderAttentionWithoutEncoderTokens() throws Exception {
    Path file = save(new NpzWriter().put("encoder_attention", attention(1, 1)));

    assertMentions(error(file), "'encoder_attention' needs the array 'encoder_tokens'");
  }

  @Test
  void selfAndEncoderDecoderMixed() throws Exception {
    Path file = save(valid().put("cross_attention", attention(1, 1)));

    assertMentions(
        error(file), "it holds both 'attention' and encoder/decoder/cross attention arrays");
  }

  @Test
  void tokensInTheArchiveAndInAFile() throws Exception {
    assertMentions(
        errorWithTokensFile(valid(), lines(TOKENS)),
        "it holds a 'tokens' array and a tokens file was given too");
  }

  @Test
  void tokensFileForAnEncoderDecoderArchive() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("encoder_attention", attention(1, 1))
            .put("encoder_tokens", NpyWriter.unicode(TOKENS));

    assertMentions(
        errorWithTokensFile(npz, lines(TOKENS)),
        "a tokens file was given, but it only applies to 'attention' archives");
  }

  @Test
  void missingTokensFile() throws Exception {
    Path file = save(new NpzWriter().put("attention", attention(1, 1)));
    Path tokens = dir.resolve("nope.txt");

    assertMentions(
        FileErrors.messageOf(file, () -> AttentionFiles.read(file, tokens)),
        "the tokens file " + tokens + " does not exist");
  }

  @Test
  void tokensFileNotUtf8() throws Exception {
    assertMentions(
        errorWithTokensFile(
            new NpzWriter().put("attention", attention(1, 1)),
            new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'}),
        "is not UTF-8 text");
  }

  @Test
  void emptyTokensFile() throws Exception {
    assertMentions(
        errorWithTokensFile(
            new NpzWriter().put("attention", attention(1, 1)), new byte[] {'\n', '\n'}),
        "is empty");
  }

  @Test
  void sentenceBStartOutsideTheTokens() throws Exception {
    Path file = save(valid().put("sentence_b_start", NpyWriter.int64(4)));

    assertMentions(error(file), "sentenceBStart 4 must be inside the 4 tokens (1 to 3)");
  }

  @Test
  void sentenceBStartNotAnInteger() throws Exception {
    Path file =
        save(valid().put("sentence_b_start", NpyWriter.float64(new double[] {2}, LE, false)));

    assertMentions(
        error(file),
        "sentence_b_start.npy must be one integer, but holds '<f8' values of shape ()");
  }

  @Test
  void causalNotABool() throws Exception {
    Path file = save(valid().put("causal", NpyWriter.int64(2)));

    assertMentions(error(file), "causal.npy must be True or False (or 1 or 0), but is 2");
  }

  @Test
  void modelNameNotAString() throws Exception {
    Path file = save(valid().put("model_name", NpyWriter.int64(2)));

    assertMentions(error(file), "model_name.npy must be one string");
  }

  @Test
  void invalidCharacterInTokens() throws Exception {
    byte[] tokens = NpyWriter.unicode(TOKENS);
    // The data starts at 128 bytes; make the first code point a lone surrogate.
    tokens[128] = 0x00;
    tokens[129] = (byte) 0xd8;
    Path file = save(valid().put("tokens", tokens));

    assertMentions(error(file), "tokens.npy element 0 holds an invalid character (0xd800)");
  }

  @Test
  void emptyArchive() throws Exception {
    Path file = save(new NpzWriter());

    assertMentions(error(file), "it has no array named 'attention' (it holds: no arrays)");
  }

  @Test
  void readsAValidArchiveWhenTheBadPartsAreRemoved() throws Exception {
    // Guards the tests above: the archive they all start from is fine.
    assertEquals(4, AttentionFiles.read(save(valid())).primary().queryTokens().size());
  }

  @Test
  void entriesCompressedWithMethodsOtherThanDeflateAreNamed() throws Exception {
    for (int method : new int[] {12, 14}) {
      Path file = Files.write(dir.resolve("method-" + method + ".npz"), patched(10, 8, method));

      assertMentions(
          error(file),
          "its entries are compressed with " + (method == 12 ? "bzip2" : "LZMA"),
          "only stored or deflated entries");
    }
  }

  @Test
  void encryptedEntriesAreNamed() throws Exception {
    Path file = Files.write(dir.resolve("encrypted.npz"), patched(8, 6, 1));

    assertMentions(error(file), "it is an encrypted (password-protected) zip archive");
  }

  /**
   * ZipFile lists the first of two equal names and opens the last, so the entry whose sizes were
   * checked would not be the one read: two arrays of one name are refused.
   */
  @Test
  void twoEntriesOfTheSameNameAreRefused() throws Exception {
    byte[] attention = attention(2, 2);
    Path file =
        Files.write(
            dir.resolve("twice.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of("attention.npy", attention, false),
                    RawZip.Entry.of("tokens.npy", NpyWriter.unicode(TOKENS), false),
                    RawZip.Entry.of("attention.npy", attention, true))));

    assertMentions(error(file), "it holds two entries named attention.npy");
  }

  /**
   * The valid archive with a 16-bit field of every entry set to {@code value}: at {@code central}
   * bytes into each central directory record and {@code local} bytes into each local header.
   */
  private static byte[] patched(int central, int local, int value) {
    byte[] zip = valid().stored();
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(zip).order(LE);
    for (int at = 0; at + 4 <= zip.length; at++) {
      int signature = buffer.getInt(at);
      if (signature == 0x02014b50) {
        buffer.putShort(at + central, (short) value);
      } else if (signature == 0x04034b50) {
        buffer.putShort(at + local, (short) value);
      }
    }
    return zip;
  }

  private String errorWithTokensFile(NpzWriter npz, byte[] tokens) throws IOException {
    Path file = save(npz);
    Path tokensFile = Files.createTempFile(dir, "tokens", ".txt");
    Files.write(tokensFile, tokens);
    return FileErrors.messageOf(file, () -> AttentionFiles.read(file, tokensFile));
  }

  private static byte[] lines(List<String> tokens) {
    return String.join("\n", tokens).getBytes(StandardCharsets.UTF_8);
  }

  private String error(Path file) {
    return FileErrors.messageOf(file, () -> AttentionFiles.read(file));
  }

  private Path save(NpzWriter npz) throws IOException {
    return save(npz, false);
  }

  private Path save(NpzWriter npz, boolean deflated) throws IOException {
    Path file = Files.createTempFile(dir, "bad", ".npz");
    Files.write(file, deflated ? npz.deflated() : npz.stored());
    return file;
  }
}
