package dev.attnviz.demo;

import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;

/** Entry point of {@code attnviz.jar}. */
public final class Main {

  private Main() {}

  /** Prints the version and the attention providers found on the class path. */
  public static void main(String[] args) {
    System.out.println("attnviz " + Version.current());
    for (AttentionProviderFactory factory : AttentionProviders.discover().factories()) {
      System.out.println(
          "  provider "
              + factory.name()
              + ": "
              + factory.description()
              + " (default model "
              + factory.defaultModelName()
              + ")");
    }
  }
}
