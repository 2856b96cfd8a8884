package dev.attnviz.core.testing;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens models whose files the process may not read, and reports what the provider said.
 *
 * <p>Taking away read permission ({@code chmod 000}) does not stop root: the capabilities {@code
 * CAP_DAC_OVERRIDE} and {@code CAP_DAC_READ_SEARCH} let it read anything, and tests often run as
 * root (containers, CI). So the provider runs in a child JVM, and when this process is root that
 * child is started through {@code setpriv} with both capabilities removed from its bounding set: it
 * keeps uid 0 and can read everything root owns (the Maven repository in {@code /root}, the build
 * folder), except files whose permission bits deny root, as for any owner. Without root the
 * permission bits already apply and the child runs as is. Before opening each model the child
 * checks that it really cannot read the file, so a test cannot pass because the mechanism failed.
 *
 * <p>The child runs with this JVM's class path and passes on {@code attnviz.cache} and {@code
 * ai.djl.offline}.
 */
public final class UnreadableFiles {

  private static final List<String> DROP_READ_OVERRIDE =
      List.of(
          "setpriv",
          "--bounding-set",
          "-dac_override,-dac_read_search",
          "--inh-caps",
          "-dac_override,-dac_read_search");

  private static final List<String> PASSED_PROPERTIES = List.of("attnviz.cache", "ai.djl.offline");

  private static final String NOT_BLOCKED = "NOT_BLOCKED";
  private static final String OPENED = "OPENED";

  private UnreadableFiles() {}

  /**
   * One model to open.
   *
   * @param label names the case in the result
   * @param model the model path given to the provider
   * @param unreadable the file or folder made unreadable (must be inside {@code model} or be it)
   */
  public record Case(String label, Path model, Path unreadable) {}

  /**
   * What opening one model did.
   *
   * @param blocked whether the child could not read {@link Case#unreadable()} itself
   * @param reason the exception's reason, or null if the model opened
   * @param message the exception's message, or null
   */
  public record Outcome(boolean blocked, AttentionException.Reason reason, String message) {}

  /**
   * Removes every permission from each case's {@code unreadable}, opens every case's model with
   * {@code provider} in one child JVM, restores the permissions, and returns the outcomes by label.
   */
  public static Map<String, Outcome> open(String provider, List<Case> cases)
      throws IOException, InterruptedException {
    Map<Path, Set<PosixFilePermission>> saved = new LinkedHashMap<>();
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(DROP_READ_OVERRIDE);
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String property : PASSED_PROPERTIES) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(UnreadableFiles.class.getName());
    command.add(provider);
    for (Case c : cases) {
      command.addAll(List.of(c.label(), c.model().toString(), c.unreadable().toString()));
    }
    try {
      for (Case c : cases) {
        saved.put(c.unreadable(), Files.getPosixFilePermissions(c.unreadable()));
        Files.setPosixFilePermissions(c.unreadable(), Set.of());
      }
      return run(command);
    } finally {
      for (Map.Entry<Path, Set<PosixFilePermission>> entry : saved.entrySet()) {
        Files.setPosixFilePermissions(entry.getKey(), entry.getValue());
      }
    }
  }

  private static boolean isRoot() throws IOException {
    // /proc/self belongs to whoever is looking.
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  private static Map<String, Outcome> run(List<String> command)
      throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = child.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
      child.destroyForcibly();
      throw new IllegalStateException(
          "the child JVM failed: "
              + String.join(" ", command.subList(0, Math.min(8, command.size())))
              + " ...\n"
              + new String(output, StandardCharsets.UTF_8));
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.split("\t", 4);
      if (parts.length == 4 && parts[0].startsWith("case:")) {
        boolean blocked = !parts[1].equals(NOT_BLOCKED);
        outcomes.put(
            parts[0].substring("case:".length()),
            parts[2].equals(OPENED)
                ? new Outcome(blocked, null, null)
                : new Outcome(
                    blocked,
                    AttentionException.Reason.valueOf(parts[2]),
                    parts[3].replace("\\n", "\n")));
      }
    }
    return outcomes;
  }

  /**
   * The child: {@code provider (label model unreadable)...}; prints one tab-separated line per
   * case: {@code case:label}, whether the file was unreadable, the reason or {@code OPENED}, the
   * message.
   */
  public static void main(String[] args) throws Exception {
    AttentionProviders providers = AttentionProviders.discover();
    for (int i = 1; i + 2 < args.length; i += 3) {
      String label = args[i];
      Path model = Path.of(args[i + 1]);
      Path unreadable = Path.of(args[i + 2]);
      String blocked = canRead(unreadable) ? NOT_BLOCKED : "BLOCKED";
      String outcome;
      try {
        AttentionProvider provider = providers.get(args[0]).open(ModelSource.of(model));
        provider.close();
        outcome = OPENED + "\t";
      } catch (AttentionException e) {
        outcome = e.reason() + "\t" + e.getMessage().replace("\n", "\\n");
      }
      System.out.println("case:" + label + "\t" + blocked + "\t" + outcome);
    }
  }

  private static boolean canRead(Path path) throws IOException {
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files.count();
        }
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          in.read();
        }
      }
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }
}
