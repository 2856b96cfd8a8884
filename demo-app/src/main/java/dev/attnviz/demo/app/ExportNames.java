package dev.attnviz.demo.app;

import java.util.BitSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** Default export file names that say what they hold, e.g. {@code head-L8-H0,3,10}. */
final class ExportNames {

  private ExportNames() {}

  /**
   * A base name (no extension) for an export of {@code tab} (its title, e.g. "Head view") at {@code
   * layer} with {@code heads} active out of {@code headCount}; all heads read {@code Hall}.
   */
  static String of(String tab, int layer, BitSet heads, int headCount) {
    String view = tab.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    String headPart =
        heads.cardinality() == headCount
            ? "all"
            : heads.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    return view + "-L" + layer + "-H" + headPart;
  }
}
