/**
 * attnviz provider {@code djl}: Deep Java Library with ONNX Runtime on ONNX exports, with
 * all-MiniLM-L6-v2 as the embedded default. Registered for {@link java.util.ServiceLoader} on the
 * module path here and on the class path in {@code META-INF/services}.
 */
@SuppressWarnings("requires-automatic")
module dev.attnviz.djl {
  requires transitive dev.attnviz.core;
  requires ai.djl.api;
  requires ai.djl.onnxruntime_engine;
  requires ai.djl.tokenizers;
  requires com.microsoft.onnxruntime;
  requires org.tribuo.util.onnx;
  requires com.google.protobuf;
  requires com.fasterxml.jackson.databind;

  exports dev.attnviz.djl;

  provides dev.attnviz.core.spi.AttentionProviderFactory with
      dev.attnviz.djl.DjlProviderFactory;
}
