/**
 * Pure computations on attention data, each documented with its formula: head statistics ({@link
 * dev.attnviz.core.analysis.HeadStatistics}), attention rollout ({@link
 * dev.attnviz.core.analysis.Rollout}), head means ({@link dev.attnviz.core.analysis.HeadMean}),
 * hiding special tokens ({@link dev.attnviz.core.analysis.SpecialTokens}), word-level aggregation
 * ({@link dev.attnviz.core.analysis.WordAggregation}) and the difference of two results ({@link
 * dev.attnviz.core.analysis.AttentionDifference}).
 *
 * <p>Every function is stateless and every result immutable, so all of it is thread-safe and may
 * run off the event dispatch thread. Sums are accumulated in double precision. Results never expose
 * mutable arrays: {@link dev.attnviz.core.analysis.Matrix} copies on the way out.
 */
package dev.attnviz.core.analysis;
