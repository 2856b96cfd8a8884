/**
 * Attention data files: attnviz JSON ({@link dev.attnviz.core.io.AttentionJson}) and NumPy {@code
 * .npz} archives, opened by content through {@link dev.attnviz.core.io.AttentionFiles}. The formats
 * are described in {@code docs/FORMAT.md}.
 */
package dev.attnviz.core.io;
