package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/** The ONNX Runtime settings every model of this backend runs with. */
class SessionSettingsTest {

  @Test
  void intraOpThreadsDoNotSpin() throws Exception {
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      assertEquals("0", options.getConfigEntries().get(SessionSettings.ALLOW_SPINNING));
    }
  }
}
