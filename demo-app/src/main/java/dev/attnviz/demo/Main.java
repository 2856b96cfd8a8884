package dev.attnviz.demo;

import dev.attnviz.demo.app.DemoApp;
import dev.attnviz.demo.app.SettingsStore;
import dev.attnviz.demo.cli.Cli;
import java.awt.GraphicsEnvironment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code attnviz.jar}: without arguments it opens the desktop app, with arguments it
 * runs the command line (see {@code --help}).
 */
public final class Main {

  private Main() {}

  /**
   * Starts the app or runs a command.
   *
   * @param args none to open the window, else a command and its options (see {@code attnviz
   *     --help})
   * @throws Exception if the window cannot be opened
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      if (GraphicsEnvironment.isHeadless()) {
        System.err.println(
            "attnviz: no display to open the app on; use the command line (attnviz --help)");
        System.exit(Cli.FAILURE);
      }
      QuietLibraries.apply(false);
      DemoApp.start(SettingsStore.standard());
      return;
    }
    QuietLibraries.apply(true);
    int code =
        Cli.run(
            args,
            // Straight to the file descriptor: System.out hides write errors even from checkError.
            new PrintWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                true),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(code);
  }
}
