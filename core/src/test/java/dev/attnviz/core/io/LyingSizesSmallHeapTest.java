package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose declared sizes lie, read in a small heap (the surefire execution {@code fuzz} of
 * {@code core/pom.xml} runs {@code *SmallHeapTest} with {@code -Xmx128m}): the reader must refuse
 * them from what the file really holds, before it allocates or decodes what they claim.
 */
class LyingSizesSmallHeapTest {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  /** What a desktop heap may have free: a reader must not take all of it for a 445-byte file. */
  private static final MemoryBudget BIG_HEAP = () -> 64L << 30;

  @TempDir Path dir;

  @BeforeAll
  static void theHeapIsSmall() {
    assertTrue(
        Runtime.getRuntime().maxMemory() <= 160L << 20,
        "run through Maven: execution 'fuzz' of core/pom.xml sets -Xmx128m");
  }

  /**
   * The file: 445 bytes whose zip record and {@code .npy} header agree on 4 GB of
   * attention. Both numbers come from the file; its compressed bytes cannot unpack to a thousandth
   * of that.
   */
  @Test
  void aTinyArchiveClaimingGigabytesIsRefusedWithoutAllocating() throws Exception {
    // 4.03 GB, as much as a zip record without the zip64 extension can claim.
    long[] shape = {1, 15, 16_384, 4_096};
    long declared = 4L * shape[0] * shape[1] * shape[2] * shape[3];
    byte[] header = NpyWriter.header("<f4", false, shape);
    byte[] attention = NpyWriter.raw(header, new byte[64]);
    Path file =
        Files.write(
            dir.resolve("claims-4gb.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of("attention.npy", attention, true)
                        .withCentralSizeDelta(header.length + declared - attention.length),
                    RawZip.Entry.of("tokens.npy", NpyWriter.unicode(List.of("a", "b")), true))));
    assertTrue(Files.size(file) < 1024, Files.size(file) + " bytes");

    long before = allocatedBytes();
    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file, null, BIG_HEAP));
    long allocated = allocatedBytes() - before;

    assertMentions(message, "attention.npy declares shape (1, 15, 16384, 4096)", "can unpack to");
    assertFalse(message.contains("memory"), message);
    assertTrue(allocated < 16L << 20, (allocated >> 20) + " MB allocated");
  }

  /**
   * The second file, scaled to this heap: 1,024 tokens of the longest length allowed,
   * 65,536 characters each (256 MB of UTF-32 that deflate to about a megabyte). Decoding them all
   * before checking would exhaust 128 MB; the memory they need is known from the header.
   */
  @Test
  void hugeTokenStringsAreRefusedBeforeTheyAreDecoded() throws Exception {
    int count = 1_024;
    int chars = NpzReader.MAX_TOKEN_CHARS;
    Path file = dir.resolve("huge-tokens.npz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry("attention.npy"));
      zip.write(NpyWriter.float32(floats(1, 1, count, count, 0), LE, false, 1, 1, count, count));
      zip.putNextEntry(new ZipEntry("tokens.npy"));
      zip.write(NpyWriter.header("<U" + chars, false, count));
      writeRepeated(zip, ByteBuffer.allocate(4).order(LE).putInt('a').array(), 4L * count * chars);
      zip.closeEntry();
    }

    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file));

    assertMentions(message, "needs", "MB of memory");
  }

  /**
   * Like the file (1,700 tokens of a million characters), in a big heap: real data, but no
   * token is that long, and decoding it took a minute and 3 GB. Refused from the header.
   */
  @Test
  void tokensLongerThanAnyTokenAreRefusedFromTheHeader() throws Exception {
    int count = 300;
    byte[] header = NpyWriter.header("<U1048576", false, count);
    Path file =
        Files.write(
            dir.resolve("long-tokens.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of(
                        "attention.npy",
                        NpyWriter.float32(
                            floats(1, 1, count, count, 0), LE, false, 1, 1, count, count),
                        true),
                    RawZip.Entry.of("tokens.npy", NpyWriter.raw(header, new byte[0]), true))));

    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file, null, BIG_HEAP));

    assertMentions(
        message, "tokens.npy holds strings of up to 1048576 characters", "at most 65536");
  }

  /** More tokens than the attention has rows: refused from the headers, before decoding. */
  @Test
  void aTokenCountThatDoesNotMatchTheAttentionIsRefusedBeforeDecoding() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add("token" + i);
    }
    Path file =
        Files.write(
            dir.resolve("many-tokens.npz"),
            new NpzWriter()
                .put("attention", NpyWriter.float32(floats(1, 1, 4, 4, 0), LE, false, 1, 1, 4, 4))
                .put("tokens", NpyWriter.unicode(many))
                .deflated());

    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file, null, BIG_HEAP));

    assertMentions(message, "tokens.npy holds 2000 tokens but attention.npy has 4 rows");
  }

  private static void writeRepeated(OutputStream out, byte[] unit, long bytes) throws IOException {
    byte[] block = new byte[1 << 16];
    for (int i = 0; i < block.length; i++) {
      block[i] = unit[i % unit.length];
    }
    for (long left = bytes; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(block.length, left));
    }
  }

  /** Bytes of heap the current thread has allocated so far. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
