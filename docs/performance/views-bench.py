#!/usr/bin/env python3
"""Old and new view code side by side, interleaved, medians printed (issue 18, the views' last paths).

Runs the swing-components bench harnesses of THIS checkout's test tree against two builds of the
main classes: the baseline (an old checkout's core/ and swing-components/ target/classes) and this
checkout's. Every round runs each side once, the order alternating, so background load hits both
alike; at the end it prints, per scenario and side, the median of the rounds for every number the
harness printed, with the load averages seen.

  # once, from the repository root (compiles; NEVER mvn install):
  mvn -B -q -pl core,swing-components -am test-compile dependency:build-classpath \\
      -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
  # old = a checkout of the code before (e.g. main 2bdf2e3) built with `mvn -DskipTests package`
  docs/performance/views-bench.py OLD_ROOT ROUNDS cpu modelView.repaint      # target 1 (selection)
  docs/performance/views-bench.py OLD_ROOT ROUNDS cpu big                    # target 2 (24 x 16 x 1,024)
  docs/performance/views-bench.py OLD_ROOT ROUNDS cold head 16 warm          # target 3 (fresh JVMs)
  docs/performance/views-bench.py OLD_ROOT ROUNDS cpu lines                  # model view in lines mode:
      # built while painting, with a host executor, the default on screen (first paint, lines painted)

`cpu FILTER` runs dev.attnviz.swing.bench.CpuTimes FILTER (one JVM per side and round, -Xmx5g);
`cold VIEW TOKENS [warm]` runs dev.attnviz.swing.bench.ColdFirstPaint in a fresh JVM per side and
round under xvfb-run. Extra JVM options: VIEWS_BENCH_JAVA_OPTS. The dependency class path is read from
VIEWS_BENCH_CP (default /tmp/cp.txt, as written by the mvn command above). VIEWS_BENCH_NEW: another root for the
new side and the harness (a copy of this checkout's target folders, so that a rebuild during the run
does not pull the classes from under it).
"""
import os
import re
import statistics
import subprocess
import sys


def classpath(root, main_root):
    """root's test classes over main_root's main classes, then the dependencies."""
    deps = [
        p
        for p in open(os.environ.get("VIEWS_BENCH_CP", "/tmp/cp.txt")).read().strip().split(":")
        if "/core/target/classes" not in p and "/swing-components/target/classes" not in p
    ]
    return ":".join(
        [os.path.join(root, "swing-components/target/test-classes")]
        + [os.path.join(main_root, m, "target/classes") for m in ("swing-components", "core")]
        + deps
    )


def run(side, root, mode, args):
    java = ["java", "-Djava.awt.headless=true"] if mode == "cpu" else ["xvfb-run", "-a", "java"]
    java += os.environ.get("VIEWS_BENCH_JAVA_OPTS", "-Xmx5g").split()
    main = "CpuTimes" if mode == "cpu" else "ColdFirstPaint"
    new = os.environ.get("VIEWS_BENCH_NEW", ".")
    command = java + ["-cp", classpath(new, root), "dev.attnviz.swing.bench." + main] + args
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{side} failed:\n{out.stdout}\n{out.stderr}")
    load = open("/proc/loadavg").read().split()[0]
    rows = {}
    for line in out.stdout.splitlines():
        # "name  512 tokens  wall 12.3 thread cpu 4.5 ..." or "head 16 tokens warm: window ..."
        name = re.split(r"\s+wall|:", line)[0].strip()
        numbers = re.findall(
            r"(wall|thread cpu|min|process cpu|window|first paint|EDT cpu|warm-up done at)\s+([0-9.]+)",
            line,
        )
        if name and numbers:
            rows[name] = numbers
            print(f"  {side:4} load {load:>5}  {line.strip()}", flush=True)
    return rows, float(load)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    old_root, rounds, mode, args = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    sides = {"old": old_root, "new": os.environ.get("VIEWS_BENCH_NEW", ".")}
    results = {side: [] for side in sides}
    loads = []
    for r in range(rounds):
        order = list(sides) if r % 2 == 0 else list(reversed(sides))
        print(f"round {r + 1}/{rounds}", flush=True)
        for side in order:
            rows, load = run(side, sides[side], mode, args)
            results[side].append(rows)
            loads.append(load)
    print(f"\nmedians of {rounds} rounds, load average {min(loads)}-{max(loads)}:")
    names = sorted({n for side in results.values() for rows in side for n in rows})
    for name in names:
        for side in sides:
            samples = [rows[name] for rows in results[side] if name in rows]
            if not samples:
                print(f"  {name:44} {side}: not run (not in that code)")
                continue
            fields = []
            for i, (label, _) in enumerate(samples[0]):
                values = [float(s[i][1]) for s in samples if len(s) > i]
                fields.append(f"{label.strip()} {statistics.median(values):.1f}")
            print(f"  {name:44} {side}: " + ", ".join(fields) + " ms")


if __name__ == "__main__":
    main()
