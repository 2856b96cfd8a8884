package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading a data file never runs code from it. NumPy can store Python objects in an {@code .npy}
 * (data type {@code O}), which only {@code pickle} can read, and unpickling runs whatever the file
 * says; attnviz refuses such arrays before reading a byte of their data. JSON is read with
 * Jackson's streaming parser only: no object mapper, so no polymorphic typing that could
 * instantiate a class a file names, and nothing in the readers deserializes Java objects.
 */
class NoCodeExecutionTest {

  private static final List<String> TOKENS = List.of("[CLS]", "a", "b", "[SEP]");

  /** A pickle (protocol 2) of os.system('touch ...'): what a malicious object array holds. */
  private static byte[] pickle(Path marker) {
    String command = "touch " + marker;
    byte[] text = command.getBytes(StandardCharsets.US_ASCII);
    byte[] head = "\u0080\u0002cposix\nsystem\nq\u0000X".getBytes(StandardCharsets.ISO_8859_1);
    byte[] length = {(byte) text.length, 0, 0, 0};
    byte[] tail = "q\u0001\u0085q\u0002Rq\u0003.".getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[head.length + 4 + text.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(length, 0, out, head.length, 4);
    System.arraycopy(text, 0, out, head.length + 4, text.length);
    System.arraycopy(tail, 0, out, head.length + 4 + text.length, tail.length);
    return out;
  }

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"|O", "|O8", "<O", ">O8"})
  void objectArraysAreRefusedWhateverTheirSpelling(String descr) throws Exception {
    Path marker = dir.resolve("pwned-" + descr.charAt(0));
    byte[] objects = NpyWriter.raw(NpyWriter.header(descr, false, 4), pickle(marker));
    for (String array : List.of("tokens", "attention", "model_name", "causal")) {
      NpzWriter npz =
          new NpzWriter()
              .put(
                  "attention",
                  NpyWriter.float32(
                      floats(1, 1, 4, 4, 0), ByteOrder.LITTLE_ENDIAN, false, 1, 1, 4, 4))
              .put("tokens", NpyWriter.unicode(TOKENS))
              .put(array, objects);
      Path file = Files.write(dir.resolve(array + ".npz"), npz.deflated());

      String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file));

      assertMentions(
          message,
          array + ".npy holds Python objects (data type '" + descr + "')",
          "never unpickles");
    }
    assertFalse(Files.exists(marker), "nothing ran");
  }

  @Test
  void theReadersReferNeitherToJavaDeserializationNorToJacksonsObjectMapper()
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(AttentionFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(classes)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    assertTrue(classFiles.size() > 20, "core's classes: " + classes);
    for (Path classFile : classFiles) {
      // Class names referred to are plain UTF-8 in the constant pool.
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      for (String forbidden :
          List.of(
              "java/io/ObjectInputStream",
              "com/fasterxml/jackson/databind",
              "javax/script",
              "java/lang/ProcessBuilder")) {
        assertFalse(
            constants.contains(forbidden),
            classes.relativize(classFile) + " refers to " + forbidden);
      }
    }
  }

  @Test
  void jsonNamingAJavaTypeIsReadAsData() throws Exception {
    // What a polymorphic-typing mapper would act on; the streaming reader sees an unknown field.
    String json =
        "{\"@class\": \"java.lang.ProcessBuilder\", \"format\": \"attnviz\", \"version\": 1,"
            + " \"model\": [\"java.net.URL\", \"file:///etc/passwd\"], \"attention\": []}";
    Path file = Files.writeString(dir.resolve("typed.json"), json);

    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file));

    assertEquals(
        "Cannot open "
            + file
            + ": model must be an object with name, backend and causal, but is"
            + " an array. docs/FORMAT.md describes the fields and shapes",
        message);
  }
}
