#!/bin/sh
# Hide special tokens and word level (whole words, and every third token a ## piece) at 512 tokens
# x 12 x 12 heads, the transform alone and the transform with the first paint of a new head view
# (one layer) and model view (every head) at a full-HD viewport (none+... is the paint alone):
# the code of a baseline tree
# (default /tmp/base18, main 2bdf2e3, before issue 18's fourth round) against this tree, in
# interleaved rounds (old, new, new, old, ...), each a fresh JVM timing 8 calls after a warm-up
# (dev.attnviz.swing.bench.CpuTimes: median wall, calling-thread CPU and process CPU per call).
# Prints every round, then the median over the rounds per variant, and the load average.
#   docs/performance/display-transforms-bench.sh            # 6 rounds
#   ROUNDS=10 BASE=/path/to/old/tree docs/performance/display-transforms-bench.sh
#   JMH=1 docs/performance/display-transforms-bench.sh      # also JMH, old and new
#   JAVA_OPTS=-Djava.util.concurrent.ForkJoinPool.common.parallelism=0 \
#     docs/performance/display-transforms-bench.sh          # all work on the calling thread, so
#                                                           # its CPU time is the whole cost
# The baseline tree needs only core/target/classes (its classes go first on the class path).
set -e
BASE=${BASE:-/tmp/base18}
ROUNDS=${ROUNDS:-6}
cd "$(dirname "$0")/../.."
[ -d "$BASE/core/target/classes" ] || { echo "no $BASE/core/target/classes: build the baseline tree first" >&2; exit 1; }
mvn -B -q -o -pl core,swing-components -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=/tmp/attnviz-bench-cp.txt -Dmdep.includeScope=test
CP="swing-components/target/test-classes:swing-components/target/classes:$(cat /tmp/attnviz-bench-cp.txt)"
OUT=$(mktemp)
run() { # variant round
  if [ "$1" = old ]; then P="$BASE/core/target/classes:$CP"; else P="$CP"; fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java -Xmx3g -Djava.awt.headless=true $JAVA_OPTS -cp "$P" dev.attnviz.swing.bench.CpuTimes displayData \
    | sed "s/^/$1 /" | tee -a "$OUT"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)${JAVA_OPTS:+; java options: $JAVA_OPTS}"
r=1
while [ "$r" -le "$ROUNDS" ]; do
  if [ $((r % 2)) = 1 ]; then run old; run new; else run new; run old; fi
  r=$((r + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median over $ROUNDS rounds (ms): variant transform  wall  thread-cpu  process-cpu"
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%7.1f", a[int((NR + 1) / 2)] }'; }
for v in old new; do
  for t in hide words wordPieces none+headView hide+headView wordPieces+headView \
      none+modelView hide+modelView wordPieces+modelView; do
    L=$(grep "^$v displayData.$t " "$OUT")
    echo "$v $t $(echo "$L" | awk '{print $6}' | median) $(echo "$L" | awk '{print $9}' | median)" \
      "$(echo "$L" | awk '{print $14}' | median)"
  done
done
rm -f "$OUT"
if [ -n "$JMH" ]; then
  for v in old new; do
    if [ "$v" = old ]; then P="$BASE/core/target/classes:$CP"; else P="$CP"; fi
    echo "JMH, $v code (load average $(cut -d' ' -f1 /proc/loadavg)):"
    java -cp "$P" org.openjdk.jmh.Main 'AnalysisBenchmarks.displayData' -p tokens=512 \
        -f 1 -wi 3 -i 5 | grep -E '^(Benchmark|AnalysisBenchmarks)'
  done
fi
