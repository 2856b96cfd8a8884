/**
 * attnviz provider {@code tensorflow}: TensorFlow Java on SavedModels, with BERT-base uncased as
 * the embedded default. Registered for {@link java.util.ServiceLoader} on the module path here and
 * on the class path in {@code META-INF/services}.
 */
@SuppressWarnings("requires-automatic")
module dev.attnviz.tensorflow {
  requires transitive dev.attnviz.core;
  requires tensorflow;
  requires com.google.protobuf;
  requires com.fasterxml.jackson.databind;
  requires ai.djl.tokenizers;

  exports dev.attnviz.tensorflow;

  provides dev.attnviz.core.spi.AttentionProviderFactory with
      dev.attnviz.tensorflow.TensorFlowProviderFactory;
}
