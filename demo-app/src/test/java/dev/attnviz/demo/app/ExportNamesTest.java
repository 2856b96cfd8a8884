package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ExportNamesTest {

  @Test
  void namesTheViewLayerAndHeads() {
    BitSet heads = new BitSet();
    heads.set(0);
    heads.set(3);
    heads.set(10);
    assertEquals("head-L8-H0,3,10", ExportNames.of("Head view", 8, heads, 12));
    BitSet all = new BitSet();
    all.set(0, 12);
    assertEquals("model-L0-Hall", ExportNames.of("Model view", 0, all, 12));
  }
}
