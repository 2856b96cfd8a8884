package dev.attnviz.demo.app;

import dev.attnviz.core.spi.ProgressListener.Stage;

/** Words for the status bar, one per provider stage. */
final class StageMessages {

  private StageMessages() {}

  static String of(Stage stage, String detail) {
    String what =
        switch (stage) {
          case UNPACKING -> "Unpacking the model (first start only)";
          case PREPARING -> "Preparing the model (first start only)";
          case LOADING -> "Loading the model";
          case COMPUTING -> "Computing attention";
        };
    return detail.isEmpty() ? what + "..." : what + ": " + detail + "...";
  }
}
