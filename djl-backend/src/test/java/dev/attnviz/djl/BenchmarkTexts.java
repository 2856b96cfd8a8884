package dev.attnviz.djl;

/** Inputs shared by the benchmarks and the memory test, with their token counts for MiniLM. */
final class BenchmarkTexts {

  /** 20 tokens for all-MiniLM-L6-v2, [CLS] and [SEP] included. */
  static final String SHORT =
      "The quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat.";

  /** About 120 tokens (124) for all-MiniLM-L6-v2, [CLS] and [SEP] included. */
  static final String LONG =
      "Attention lets every token of a sentence look at every other token and decide how much"
          + " of each to take in. A transformer has several layers, and every layer has several"
          + " heads; each head learns its own way of looking. Some heads follow the previous"
          + " word, some find the verb of a subject, some gather at the separator token when they"
          + " have nothing better to do. Drawing these weights as lines between the tokens of a"
          + " sentence shows what the model reads, one head at a time, and a grid of small"
          + " pictures shows every layer and head at once. The query and key vectors explain"
          + " why.";

  private BenchmarkTexts() {}
}
