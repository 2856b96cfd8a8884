#!/bin/sh
# Opening a big .npz dump in a running program and showing its model view (issue 18: "renders
# within 3x of the time to read the file once"), old code against this tree, each JVM timing its
# steps next to `cat` of the same file (dev.attnviz.swing.bench.DumpOpenTimes: per round cat, open
# + a full-HD viewport of the model view, open + the whole grid as `render` draws it, open + the
# check of every weight; round 0 warms the JIT and is not counted).
#   docs/performance/dump-open-bench.sh DUMP [ROUNDS]     # old = BASE (default /tmp/base541)
#   BASE=/path/to/old/tree docs/performance/dump-open-bench.sh /tmp/gpt2m.npz 4
# The old tree needs core/ and swing-components/ target/classes (mvn -DskipTests package there).
# The dump: python3 docs/performance/make-big-dump.py 24 16 1024 /tmp/gpt2m.npz (1.6 GB).
set -e
DUMP=${1:?usage: dump-open-bench.sh DUMP [ROUNDS]}
ROUNDS=${2:-4}
BASE=${BASE:-/tmp/base541}
cd "$(dirname "$0")/../.."
[ -d "$BASE/core/target/classes" ] || { echo "no $BASE/core/target/classes: build the old tree first" >&2; exit 1; }
mvn -B -q -o -pl core,swing-components -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=/tmp/attnviz-bench-cp.txt -Dmdep.includeScope=test
DEPS=$(cat /tmp/attnviz-bench-cp.txt | tr ':' '\n' | grep -v '/target/classes$' | paste -sd: -)
HARNESS=swing-components/target/test-classes
OUT=$(mktemp)
cat "$DUMP" > /dev/null # warm the page cache
run() { # side classes-root
  java -Xmx1g -Djava.awt.headless=true \
    -cp "$HARNESS:$2/swing-components/target/classes:$2/core/target/classes:$DEPS" \
    dev.attnviz.swing.bench.DumpOpenTimes "$DUMP" 2 | grep '^median' | sed "s/^/$1 /" | tee -a "$OUT"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
r=1
while [ "$r" -le "$ROUNDS" ]; do
  if [ $((r % 2)) = 1 ]; then run old "$BASE"; run new .; else run new .; run old "$BASE"; fi
  r=$((r + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median over $ROUNDS JVMs (ms): side step wall process-cpu  (x cat of the same JVM)"
median() { sort -n | awk -v f="${1:-%7.1f}" '{ a[NR] = $1 } END { printf f, a[int((NR + 1) / 2)] }'; }
for side in old new; do
  for step in cat open+viewport open+wholeGrid open+checkAll; do
    L=$(grep "^$side median $step " "$OUT")
    echo "$side $step $(echo "$L" | awk '{print $5}' | median) $(echo "$L" | awk '{print $8}' | median)" \
      "($(echo "$L" | awk '{print $11}' | median %.2f) x)"
  done
done
rm -f "$OUT"
