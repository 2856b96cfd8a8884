package dev.attnviz.djl;

import java.nio.file.Path;

/**
 * A model whose attention tensors are graph outputs, ready for ONNX Runtime.
 *
 * @param onnx the rewritten ONNX file, in the cache
 * @param graph what the provider needs to know to run it
 */
record PreparedModel(Path onnx, AttentionGraph graph) {}
