package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.testing.SyntheticAttention;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ReaderFuzzTest} found, each reduced to the smallest file that shows it, so that the
 * fix stays in place whatever the fuzzer's mutants become. Each test names the campaign mutant
 * (seed 20250917) that first showed the problem.
 */
class FuzzFindingsTest {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final List<String> TOKENS = List.of("[CLS]", "a", "b", "[SEP]");

  @TempDir Path dir;

  /**
   * Mutants 1684 and 2172: an array with no elements (a dimension of 0) but a huge last dimension
   * made the reader allocate a buffer for one row of that length (2 GB for {@code (0, 1, 1,
   * 500000000)} of float32: OutOfMemoryError) or overflow computing its size ({@code
   * ArithmeticException} for float64 rows of 2e9).
   */
  @Test
  void anEmptyArrayWithAHugeRowAllocatesNothing() throws Exception {
    for (String descr : List.of("<f4", "<f8")) {
      for (long rowLength : new long[] {500_000_000L, 2_000_000_000L}) {
        Path file =
            npz(
                "zero-" + descr.substring(1) + "-" + rowLength,
                NpyWriter.raw(NpyWriter.header(descr, false, 0, 1, 1, rowLength), new byte[0]));

        long allocated = allocatedBytesDuring(() -> error(file));

        assertTrue(
            allocated < 64L << 20,
            descr + " row of " + rowLength + ": " + (allocated >> 20) + " MB allocated");
        assertMentions(error(file), "attention");
      }
    }
  }

  /** The fix above reads rows longer than its buffer in pieces; they read back exactly. */
  @Test
  void rowsLongerThanTheReadBufferReadBackExactly() throws Exception {
    int dim = 10_000;
    double[] queries = NumpyCompatibilityTest.vectors(1, 1, TOKENS.size(), dim, 0);
    double[] keys = NumpyCompatibilityTest.vectors(1, 1, TOKENS.size(), dim, 1);
    Path file =
        Files.write(
            dir.resolve("long-rows.npz"),
            new NpzWriter()
                .put("attention", NpyWriter.float32(floats(1, 1, 4, 4, 0), LE, false, 1, 1, 4, 4))
                .put("queries", NpyWriter.float64(queries, LE, false, 1, 1, 4, dim))
                .put("keys", NpyWriter.float64(keys, ByteOrder.BIG_ENDIAN, false, 1, 1, 4, dim))
                .put("tokens", NpyWriter.unicode(TOKENS))
                .stored());

    Attention attention = AttentionFiles.read(file).primary();

    assertEquals(
        SyntheticAttention.vectors(1, 1, TOKENS.size(), dim, 0), attention.queries().orElseThrow());
    assertEquals(
        SyntheticAttention.vectors(1, 1, TOKENS.size(), dim, 1), attention.keys().orElseThrow());
  }

  /**
   * Mutants 4178 and 7469: a zip whose end record announces a comment that is not there made {@link
   * java.util.zip.ZipFile} throw an {@link java.io.EOFException} without a message, which reached
   * the user as "it cannot be read (null)".
   */
  @Test
  void aZipEndRecordPointingPastTheFileIsCalledDamaged() throws Exception {
    byte[] zip =
        new NpzWriter()
            .put(
                "attention",
                NpyWriter.float32(
                    floats(1, 1, 4, 4, 0), ByteOrder.LITTLE_ENDIAN, false, 1, 1, 4, 4))
            .put("tokens", NpyWriter.unicode(TOKENS))
            .stored();
    // The last two bytes of the end record: the length of the comment that follows it.
    ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putShort(zip.length - 2, (short) 256);
    Path file = Files.write(dir.resolve("comment.npz"), zip);

    String message = error(file);

    assertMentions(message, "it is not a complete .npz (zip) archive", "truncated");
    assertFalse(message.contains("null"), message);
  }

  /**
   * Found while reducing the findings above, then added to the mutations: a deflated {@code
   * tokens.npy} whose central-directory size overstates the data passes the check of declared
   * against stored bytes, after which a header declaring 100 million strings made the reader size a
   * list for all of them before reading the first.
   */
  @Test
  void anOverstatedEntrySizeDoesNotMakeTheReaderTrustADeclaredCount() throws Exception {
    long count = 100_000_000L;
    byte[] tokens = NpyWriter.raw(NpyWriter.header("<U1", false, count), new byte[16]);
    byte[] attention = NpyWriter.float32(floats(1, 1, 4, 4, 0), LE, false, 1, 1, 4, 4);
    Path file =
        Files.write(
            dir.resolve("overstated.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of("attention.npy", attention, true),
                    RawZip.Entry.of("tokens.npy", tokens, true).withCentralSizeDelta(count * 4))));

    long allocated = allocatedBytesDuring(() -> error(file));

    assertTrue(allocated < 64L << 20, (allocated >> 20) + " MB allocated");
    // Since issue 17 the claim is not even believed: 73 deflated bytes cannot unpack to 400 MB.
    assertMentions(
        error(file), "tokens.npy declares shape (100000000,)", "can unpack to at most 75336");
  }

  /**
   * Mutants 9499, 44189, 84119 and 178285 of seed 1 (a 200,000-mutant campaign): a comment in the
   * central directory that is not valid UTF-8 (there, a comment length that swallowed the next
   * record) made {@link java.util.zip.ZipFile} throw an {@link IllegalArgumentException} while
   * listing the entries, out of the reader.
   */
  @Test
  void anEntryCommentThatIsNotUtf8IsCalledDamaged() throws Exception {
    Path file =
        Files.write(
            dir.resolve("bad-comment.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of(
                        "attention.npy",
                        NpyWriter.float32(floats(1, 1, 4, 4, 0), LE, false, 1, 1, 4, 4),
                        false),
                    // 0xff never occurs in UTF-8, and the entry's flags say UTF-8.
                    RawZip.Entry.of("tokens.npy", NpyWriter.unicode(TOKENS), false)
                        .withComment(new byte[] {'a', (byte) 0xff}))));

    assertMentions(error(file), "it is not a valid .npz (zip) archive: an entry is not valid text");
  }

  private Path npz(String name, byte[] attention) throws Exception {
    return Files.write(
        dir.resolve(name + ".npz"),
        new NpzWriter()
            .put("attention", attention)
            .put("tokens", NpyWriter.unicode(TOKENS))
            .stored());
  }

  private static String error(Path file) {
    return FileErrors.messageOf(file, () -> AttentionFiles.read(file));
  }

  /** Bytes of heap the current thread allocated while {@code action} ran. */
  private static long allocatedBytesDuring(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    action.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
