package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 18: "-Xmx4g" was advised to an app whose heap was already 6.3 GB. */
class HeapAdviceTest {

  private static final long GB = 1L << 30;

  @Test
  void suggestsTwiceTheHeapInUseAndNeverLessThanFourGigabytes() {
    assertEquals(4, HeapAdvice.largerHeapGigabytes(256L << 20));
    assertEquals(4, HeapAdvice.largerHeapGigabytes(2 * GB));
    assertEquals(14, HeapAdvice.largerHeapGigabytes(6 * GB + 300L * (1 << 20)));
    assertEquals(48, HeapAdvice.largerHeapGigabytes(24 * GB));
  }

  @Test
  void theCommandNamesMoreThanThisJvmsHeap() {
    String command = HeapAdvice.command();
    long suggested = Long.parseLong(command.replaceAll(".*-Xmx(\\d+)g.*", "$1"));

    assertTrue(suggested * GB > Runtime.getRuntime().maxMemory(), command);
    assertTrue(command.endsWith("g -jar attnviz.jar"), command);
  }
}
