#!/usr/bin/env bash
# Big-dump benchmark of issue 18: cat, numpy's np.load, and `stats` / model-view `render` of two
# attnviz jars (old and new), interleaved in every round so that both see the same machine.
#
#   docs/performance/bigdump-bench.sh OLD_JAR NEW_JAR DUMP [ROUNDS]
#
# OLD_JAR / NEW_JAR: demo-app/target/attnviz.jar of two builds (each next to its lib/ folder).
# DUMP: an uncompressed .npz, e.g. from docs/performance/make-big-dump.py 24 16 1024 gpt2m.npz.
# Prints each run (wall, user, system seconds, peak resident size, load average before it), then
# the medians, the ratios to np.load and cat, the CPU phases of the new jar (-Dattnviz.timing) and
# the data pass in GB/s; checks that old and new write the same CSV and the same picture.
# Extra JVM options for both jars: JAVA_OPTS (e.g. JAVA_OPTS=-XX:SharedArchiveFile=cli.jsa).
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n 2,12p "$0"
  exit 2
fi
OLD=$1 NEW=$2 DUMP=$3 ROUNDS=${4:-5}
PY=${PYTHON:-/usr/bin/python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
TIMES="$OUT/times.tsv"
: > "$TIMES"
read -r -a OPTS <<< "${JAVA_OPTS:-}"
exec 3>&1 # the report, while a command's own output is redirected

run() { # NAME COMMAND...: one timed run, a line in $TIMES
  local name=$1
  shift
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o "$OUT/t" -f "%e %U %S %M" "$@"
  echo "$name $load $(cat "$OUT/t")" >> "$TIMES"
  echo "$name: load $load: $(awk '{printf "%s s wall, %s user, %s sys, %.0f MB", $1, $2, $3, $4/1024}' "$OUT/t")" >&3
}

cat "$DUMP" > /dev/null # warm the page cache
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r"
  run cat cat "$DUMP" > /dev/null
  run np.load "$PY" -c "import numpy as np, sys; np.load(sys.argv[1])['attention']" "$DUMP"
  run stats-old java "${OPTS[@]}" -Xmx256m -jar "$OLD" stats --input "$DUMP" > "$OUT/old.csv"
  run stats-new java "${OPTS[@]}" -Xmx256m -Dattnviz.timing=true -jar "$NEW" stats --input "$DUMP" \
    > "$OUT/new.csv" 2> "$OUT/stats-phases-$r.txt"
  run render-old java "${OPTS[@]}" -Xmx512m -Djava.awt.headless=true -jar "$OLD" \
    render --view model --input "$DUMP" --out "$OUT/old.png"
  run render-new java "${OPTS[@]}" -Xmx512m -Djava.awt.headless=true -Dattnviz.timing=true \
    -jar "$NEW" render --view model --input "$DUMP" --out "$OUT/new.png" 2> "$OUT/render-phases-$r.txt"
done

cmp -s "$OUT/old.csv" "$OUT/new.csv" && echo "stats CSV: old and new identical" \
  || echo "stats CSV: OLD AND NEW DIFFER"
cat > "$OUT/ComparePng.java" <<'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import javax.imageio.ImageIO;

public class ComparePng {
  public static void main(String[] args) throws Exception {
    BufferedImage a = ImageIO.read(new File(args[0]));
    BufferedImage b = ImageIO.read(new File(args[1]));
    boolean same = a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
        && Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
            b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    System.out.println("render PNG: old and new pixels " + (same ? "identical" : "DIFFER")
        + " (" + a.getWidth() + " x " + a.getHeight() + ")");
  }
}
JAVA
java -Djava.awt.headless=true "$OUT/ComparePng.java" "$OUT/old.png" "$OUT/new.png"

"$PY" - "$TIMES" "$DUMP" "$OUT" "$ROUNDS" <<'PY'
import os, re, statistics, sys
times, dump, out, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
runs = {}
for line in open(times):
    name, load, wall, user, sys_, rss = line.split()
    runs.setdefault(name, []).append((float(load), float(wall), float(user) + float(sys_), int(rss)))
med = lambda xs: statistics.median(xs)
print("\nmedians of %d rounds (load average %s to %s)" % (rounds,
      min(r[0] for rs in runs.values() for r in rs), max(r[0] for rs in runs.values() for r in rs)))
print("%-11s %9s %9s %9s %10s %10s" % ("", "wall s", "CPU s", "RSS MB", "/ np.load", "/ cat"))
base = {k: med([r[1] for r in runs[k]]) for k in runs}
for name, rs in runs.items():
    wall = base[name]
    print("%-11s %9.2f %9.2f %9.0f %9.2fx %9.1fx" % (name, wall, med([r[2] for r in rs]),
          med([r[3] for r in rs]) / 1024, wall / base["np.load"], wall / max(base["cat"], 1e-3)))
rss = {k: med([r[3] for r in runs[k]]) for k in runs}
print("memory: stats-new / np.load = %.2fx" % (rss["stats-new"] / rss["np.load"]))
size = os.path.getsize(dump) / 1e9
for cmd, pass_from, pass_to in (("stats", "read", "statistics"), ("render", "read", "drawn")):
    print("\n%s phases of the new jar (ms since launch / ms of CPU so far), per round:" % cmd)
    passes = []
    for r in range(1, rounds + 1):
        marks = dict((m.group(1), (int(m.group(2)), int(m.group(3)))) for m in re.finditer(
            r"attnviz timing: (.+) at (\d+) ms, (\d+) ms of CPU", open("%s/%s-phases-%d.txt" % (out, cmd, r)).read()))
        print("  " + ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in marks.items()))
        if pass_from in marks and pass_to in marks:
            passes.append(marks[pass_to][0] - marks[pass_from][0])
    if passes:
        print("  data pass (%s to %s): median %d ms = %.2f GB/s of a %.2f GB file" % (
            pass_from, pass_to, med(passes), size / (med(passes) / 1000), size))
PY
