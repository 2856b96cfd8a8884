/**
 * Views that summarize attention beyond one head: {@link
 * dev.attnviz.swing.analysis.HeadStatisticsView} (a sortable table of every head and a layer × head
 * heatmap of one statistic; clicking a head selects it in the shared selection model), {@link
 * dev.attnviz.swing.analysis.RolloutView} (attention rollout across layers, as a matrix or as
 * lines) and {@link dev.attnviz.swing.analysis.ComparisonView} (two inputs side by side and their
 * difference on a diverging colour scale).
 *
 * <p>They compute with {@code dev.attnviz.core.analysis}, show the view model's display data (with
 * special tokens hidden or words joined, as its options say), share the {@link
 * dev.attnviz.swing.model.AttentionSelectionModel} with the other views, and export like them
 * ({@link dev.attnviz.swing.export.ExportableView}). Computations too large for the event dispatch
 * thread run on a background thread; a view shows "computing" meanwhile and never shows a result
 * for older data. Use on the Event Dispatch Thread.
 */
package dev.attnviz.swing.analysis;
