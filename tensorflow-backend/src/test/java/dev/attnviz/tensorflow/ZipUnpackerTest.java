package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipUnpackerTest {

  @TempDir Path temp;

  /** A zip of the given entries (name to text; a name ending in / is a folder). */
  static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void extractsFilesAndFolders() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("assets/", "");
    entries.put("assets/vocab.txt", "[PAD]\n[UNK]\n");
    entries.put("saved_model.pb", "graph");
    Path target = Files.createDirectories(temp.resolve("out"));

    int files = ZipUnpacker.unpack(new ByteArrayInputStream(zip(entries)), target);

    assertEquals(2, files);
    assertEquals("[PAD]\n[UNK]\n", Files.readString(target.resolve("assets/vocab.txt")));
    assertEquals("graph", Files.readString(target.resolve("saved_model.pb")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil.txt",
        "assets/../../evil.txt",
        "/tmp/evil.txt",
        "C:\\evil.txt",
        "..\\evil.txt",
        "assets/../vocab.txt"
      })
  void refusesEntriesThatEscapeTheTarget(String name) throws IOException {
    Path target = Files.createDirectories(temp.resolve("deep/out"));
    byte[] archive = zip(Map.of(name, "pwned"));

    ZipUnpacker.UnsafeZipEntryException e =
        assertThrows(
            ZipUnpacker.UnsafeZipEntryException.class,
            () -> ZipUnpacker.unpack(new ByteArrayInputStream(archive), target));

    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("deep/evil.txt")));
    assertFalse(Files.exists(temp.resolve("evil.txt")));
    assertFalse(Files.exists(Path.of("/tmp/evil.txt")));
  }

  /**
   * What a symbolic-link entry does to an unpacker that honours links: an entry {@code link} (a
   * link to elsewhere) and then {@code link/evil.txt}, written through it. ZipInputStream reads no
   * file attributes, so the link arrives as a plain file holding its target's name, and the second
   * entry cannot make it a folder.
   */
  @Test
  void aLinkEntryIsAPlainFileAndNothingIsWrittenThroughIt() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path target = Files.createDirectories(temp.resolve("out"));
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("link", outside.toString());
    entries.put("link/evil.txt", "pwned");

    assertThrows(
        IOException.class,
        () -> ZipUnpacker.unpack(new ByteArrayInputStream(zip(entries)), target));

    assertFalse(Files.isSymbolicLink(target.resolve("link")));
    assertEquals(outside.toString(), Files.readString(target.resolve("link")));
    assertFalse(Files.exists(outside.resolve("evil.txt")));
  }

  @Test
  void aSecondEntryOfTheSameNameDoesNotReplaceTheFirst() throws IOException {
    Path target = Files.createDirectories(temp.resolve("out"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // ZipOutputStream refuses duplicates within one stream: append two one-entry archives' bodies.
    byte[] first = zip(Map.of("saved_model.pb", "graph"));
    byte[] second = zip(Map.of("saved_model.pb", "other"));
    bytes.write(first, 0, first.length - 22 - 46 - "saved_model.pb".length());
    bytes.write(second);

    assertThrows(
        IOException.class,
        () -> ZipUnpacker.unpack(new ByteArrayInputStream(bytes.toByteArray()), target));

    assertEquals("graph", Files.readString(target.resolve("saved_model.pb")));
  }

  @Test
  void refusesAnArchiveWithoutFiles() throws IOException {
    Path target = Files.createDirectories(temp.resolve("out"));

    IOException e =
        assertThrows(
            IOException.class,
            () -> ZipUnpacker.unpack(new ByteArrayInputStream("not a zip".getBytes()), target));

    assertTrue(e.getMessage().contains("holds no files"), e.getMessage());
  }
}
