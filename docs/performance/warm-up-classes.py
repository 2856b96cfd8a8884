#!/usr/bin/env python3
"""Regenerates swing-components' warm-up-classes.txt from the classes a first paint loads.

Runs dev.attnviz.swing.bench.ColdFirstPaint cold (no warm-up) for the head, model and neuron view at
16 and 128 tokens, twice each, each in a fresh JVM under xvfb-run with -Xlog:class+load, keeps the classes loaded
after ColdFirstPaint$Marker (the view's creation, layout and first paint) in first-seen order, minus
generated ones (lambdas, reflection accessors, hidden classes) and the harness's own, and rewrites the
list below its comment header. From the repository root, after the test-compile command in
docs/PERFORMANCE.md (class path in /tmp/cp.txt, or the file named by VIEWS_BENCH_CP):

  docs/performance/warm-up-classes.py
"""
import os
import re
import subprocess
import tempfile

LIST = "swing-components/src/main/resources/dev/attnviz/swing/warm-up-classes.txt"
MARKER = "ColdFirstPaint$Marker"


def main():
    deps = open(os.environ.get("VIEWS_BENCH_CP", "/tmp/cp.txt")).read().strip()
    cp = "swing-components/target/test-classes:swing-components/target/classes:" + deps
    names, seen = [], set()
    with tempfile.TemporaryDirectory() as tmp:
        # Twice each: what loads before the view is made (and so is not listed) varies from run to
        # run with the window's timing; one run alone missed up to 70 classes.
        runs = [(v, t, r) for r in range(2) for v in ("head", "model", "neuron") for t in ("16", "128")]
        for view, tokens, repeat in runs:
            log = os.path.join(tmp, f"{view}-{tokens}-{repeat}.txt")
            subprocess.run(
                ["xvfb-run", "-a", "java", f"-Xlog:class+load:file={log}", "-cp", cp,
                 "dev.attnviz.swing.bench.ColdFirstPaint", view, tokens],
                check=True,
            )
            after = False
            for line in open(log):
                match = re.search(r"\] (\S+) source", line)
                if not match:
                    continue
                name = match.group(1)
                if name.endswith(MARKER):
                    after = True
                    continue
                generated = "Lambda" in name or "Accessor" in name or "0x" in name
                if after and not generated and not name.startswith("dev.attnviz.swing.bench"):
                    if name not in seen:
                        seen.add(name)
                        names.append(name)
    header = [line for line in open(LIST) if line.startswith("#")]
    with open(LIST, "w") as out:
        out.writelines(header)
        out.write("\n".join(names) + "\n")
    print(f"{len(names)} classes written to {LIST}")


if __name__ == "__main__":
    main()
