#!/bin/sh
# DJL whole compute against the unmodified model (all-MiniLM-L6-v2, 20 and 124 tokens): the code of
# a baseline tree (default /tmp/base18, main 2bdf2e3, before issue 18's fourth round) against this
# tree. Each JVM runs dev.attnviz.djl.InterleavedComputeBench (every round runs each variant once,
# shuffled; the paired median is each variant's time over the unmodified model's in the same
# round, so load that changes between rounds cancels out). Old and new JVMs alternate PAIRS times.
#   docs/performance/djl-compute-bench.sh                  # 2 pairs of 300 rounds per input
#   PAIRS=3 ROUNDS=500 BASE=/path/to/old/tree docs/performance/djl-compute-bench.sh
# The baseline tree needs core/target/classes and djl-backend/target/classes.
set -e
BASE=${BASE:-/tmp/base18}
ROUNDS=${ROUNDS:-300}
PAIRS=${PAIRS:-2}
cd "$(dirname "$0")/../.."
for m in core djl-backend; do
  [ -d "$BASE/$m/target/classes" ] || { echo "no $BASE/$m/target/classes: build the baseline tree first" >&2; exit 1; }
done
mvn -B -q -o -pl djl-backend -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=/tmp/attnviz-djl-bench-cp.txt -Dmdep.includeScope=test
CP="djl-backend/target/test-classes:djl-backend/target/classes:$(cat /tmp/attnviz-djl-bench-cp.txt)"
OUT=$(mktemp)
run() { # variant
  if [ "$1" = old ]; then P="$BASE/djl-backend/target/classes:$BASE/core/target/classes:$CP"; else P="$CP"; fi
  echo "== $1 code"
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dai.djl.offline=true \
      -Dattnviz.cache=djl-backend/target/bench-cache -cp "$P" \
      dev.attnviz.djl.InterleavedComputeBench "$ROUNDS" | sed "s/^|/$1 |/" | tee -a "$OUT"
}
p=1
while [ "$p" -le "$PAIRS" ]; do
  if [ $((p % 2)) = 1 ]; then run old; run new; else run new; run old; fi
  p=$((p + 1))
done
echo
echo "paired median vs unmodified model, each JVM (old = $BASE, new = this tree):"
for input in short long; do
  for v in compute computeWithVectors; do
    for code in old new; do
      echo "$code $input $v: $(grep "^$code | $input | $v |" "$OUT" | awk -F'|' '{printf "%s ", $8}')"
    done
  done
done
rm -f "$OUT"
