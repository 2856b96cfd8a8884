#!/bin/sh
# DJL whole compute against the unmodified model (all-MiniLM-L6-v2, 20 and 124 tokens): the code of
# a baseline tree (default /tmp/base18, main 2bdf2e3, before issue 18's fourth round) against this
# tree. Each JVM runs dev.attnviz.djl.InterleavedComputeBench (every round runs each variant once,
# shuffled; the paired median is each variant's time over the unmodified model's in the same
# round, so load that changes between rounds cancels out). Old and new JVMs alternate PAIRS times.
# Then the Java part alone (dev.attnviz.djl.JavaPartBench: reading the outputs and building the
# Attention on 124-token outputs, wall / calling-thread CPU / process CPU), old and new JVMs
# alternating PAIRS times.
#   docs/performance/djl-compute-bench.sh                  # 2 pairs of 300 rounds per input
#   PAIRS=3 ROUNDS=500 BASE=/path/to/old/tree docs/performance/djl-compute-bench.sh
#   BASE_REF=541005a BASE=/tmp/attnviz-541005a docs/performance/djl-compute-bench.sh
#   ONLY=java docs/performance/djl-compute-bench.sh     # the Java part alone (ONLY=compute: the rest)
# The baseline tree needs core/target/classes and djl-backend/target/classes; with BASE_REF and no
# BASE folder yet, the script exports that commit into BASE and compiles it (no install).
set -e
BASE=${BASE:-/tmp/base18}
ROUNDS=${ROUNDS:-300}
PAIRS=${PAIRS:-2}
JAVA_ROUNDS=${JAVA_ROUNDS:-400}
ONLY=${ONLY:-}
cd "$(dirname "$0")/../.."
if [ -n "$BASE_REF" ] && [ ! -d "$BASE" ]; then
  mkdir -p "$BASE"
  git archive "$BASE_REF" | tar -x -C "$BASE"
  (cd "$BASE" && mvn -B -q -o -pl djl-backend -am compile)
fi
for m in core djl-backend; do
  [ -d "$BASE/$m/target/classes" ] || { echo "no $BASE/$m/target/classes: build the baseline tree first" >&2; exit 1; }
done
mvn -B -q -o -pl djl-backend -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=/tmp/attnviz-djl-bench-cp.txt -Dmdep.includeScope=test
CP="djl-backend/target/test-classes:djl-backend/target/classes:$(cat /tmp/attnviz-djl-bench-cp.txt)"
OUT=$(mktemp)
run() { # variant [main class] [argument]
  if [ "$1" = old ]; then P="$BASE/djl-backend/target/classes:$BASE/core/target/classes:$CP"; else P="$CP"; fi
  echo "== $1 code"
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dai.djl.offline=true \
      -Dattnviz.cache=djl-backend/target/bench-cache -cp "$P" \
      "${2:-dev.attnviz.djl.InterleavedComputeBench}" "${3:-$ROUNDS}" 2>/dev/null \
      | sed -e "s/^|/$1 |/" -e "s/^paired/$1: paired/" | tee -a "$OUT"
}
pairs() { # [main class] [argument]
  p=1
  while [ "$p" -le "$PAIRS" ]; do
    if [ $((p % 2)) = 1 ]; then run old "$@"; run new "$@"; else run new "$@"; run old "$@"; fi
    p=$((p + 1))
  done
}
if [ "$ONLY" != compute ]; then
  pairs dev.attnviz.djl.JavaPartBench "$JAVA_ROUNDS"
  echo
  echo "Java part per compute at 124 tokens, OutputReader of each JVM (old = $BASE, new = this tree):"
  for mode in weights "with vectors"; do
    for code in old new; do
      echo "$code $mode, total wall / thread CPU / process CPU ms: $(grep "^$code | OutputReader | $mode | total |" "$OUT" | awk -F'|' '{printf "%s/%s/%s ", $5, $6, $7}' | tr -s ' ')"
    done
  done
  echo "In each JVM, its OutputReader minus the fifth round's way (rows copied, then checked), wall:"
  grep ": paired median" "$OUT" | sed 's/paired median, OutputReader minus rows-then-check, //'
fi
[ "$ONLY" = java ] && { rm -f "$OUT"; exit 0; }
pairs
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
