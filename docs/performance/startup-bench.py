#!/usr/bin/env python3
"""Start-up bench of the demo app (docs/PERFORMANCE.md, "The demo's start-up").

Usage: startup-bench.py ROUNDS VARIANT [VARIANT ...]

A VARIANT is a jar, optionally followed (in the same argument) by JVM options, e.g.
  "demo-app/target/attnviz.jar -Dattnviz.savedResult=false"

Launches each variant in turn (the order reversed every other round, so that load hits them alike)
with -Dattnviz.timing=true, a fresh settings file (the default model and input) and the user's
model cache, under one Xvfb display (:77; needs Xvfb). Before the rounds each variant runs once,
uncounted, and is given 3 s after its first computed picture: that warms the page cache and lets a
build that saves its result for the next start (issue 18) do so, so that its counted runs are
second starts. Records when each 'attnviz timing:' line reached this script, counted from the
launch, and the process's CPU time then. Stops each run at the first computed picture: "computed
picture painted", or for older builds "first picture painted" after "first visualization" (or the
first visualization, for builds that print neither). A "first picture painted" before the "first
visualization" is the result saved by the last run. Prints each run, then per variant the median
and range of every moment, and the load average before and after the runs.
Environment: THREADS=1 also prints each thread's CPU time; NICE=n runs the JVMs under nice -n n."""
import collections, glob, os, re, signal, statistics, subprocess, sys, tempfile, time

rounds = int(sys.argv[1]); variants = sys.argv[2:]
disp = ":77"
WARM_UP_GRACE = 3.0
NICE = ["nice", "-n", os.environ.get("NICE", "0")]
pat = re.compile(r"attnviz timing: (.*) after (\d+) ms")
cpupat = re.compile(r"(\d+) ms of CPU")


def finished(name, row):
    """Whether the first computed picture (or what an older build prints instead) was reached."""
    if name == "computed picture painted":
        return True
    if name == "first picture painted":
        return "first visualization" in row
    return name == "first visualization" and "start" not in row


def process_cpu_ms(pid):
    st = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(st[11]) + int(st[12])) * 1000 // os.sysconf("SC_CLK_TCK")


def print_threads(pid):
    agg = collections.Counter()
    for t in glob.glob(f"/proc/{pid}/task/*"):
        try:
            name = open(t + "/comm").read().strip()
            st = open(t + "/stat").read().rsplit(")", 1)[1].split()
            agg[re.sub(r"\d+", "#", name)] += (int(st[11]) + int(st[12])) * 10
        except OSError:
            pass
    print("   threads:", agg.most_common(12))


def run(variant, env):
    """One start of the variant until its first computed picture; returns the moments seen."""
    jar, *options = variant.split()
    settings = tempfile.mktemp(suffix=".properties")
    row = {"load": os.getloadavg()[0]}
    t0 = time.monotonic()
    p = subprocess.Popen(NICE + ["java", "-Dattnviz.timing=true", "-Dattnviz.settings=" + settings]
                         + options + ["-jar", jar],
                         env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in p.stderr:
            m = pat.search(line)
            if m:
                c = cpupat.search(line)
                cpu = int(c.group(1)) if c else process_cpu_ms(p.pid)  # old builds print no CPU
                row[m.group(1)] = (round((time.monotonic() - t0) * 1000), int(m.group(2)), cpu)
                if finished(m.group(1), row):
                    if os.environ.get("THREADS"):
                        print_threads(p.pid)
                    return row, p
            if time.monotonic() > t0 + 120:
                return row, p
        return row, p
    finally:
        row["load_after"] = os.getloadavg()[0]


def stop(p):
    p.send_signal(signal.SIGKILL)
    p.wait()


xvfb = subprocess.Popen(["Xvfb", disp, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.5)
env = dict(os.environ, DISPLAY=disp)
results = {v: [] for v in variants}
try:
    for variant in variants:
        row, p = run(variant, env)
        time.sleep(WARM_UP_GRACE)
        stop(p)
        print("(warm-up)", variant, row, flush=True)
    for r in range(rounds):
        order = variants if r % 2 == 0 else list(reversed(variants))
        for variant in order:
            row, p = run(variant, env)
            stop(p)
            results[variant].append(row)
            print(variant, row, flush=True)
finally:
    xvfb.terminate()
for variant, rows in results.items():
    print("==", variant)
    keys = []
    for row in rows:
        keys += [k for k in row if k not in ("load", "load_after") and k not in keys]
    for k in keys:
        vals = [row[k][0] for row in rows if k in row]
        cpus = [row[k][2] for row in rows if k in row]
        print(f"  {k}: median {statistics.median(vals)} ms from launch, range {min(vals)}-{max(vals)}"
              f" ({len(vals)} runs); CPU median {statistics.median(cpus)} ms")
    print("  load:", min(r["load"] for r in rows), "-", max(r["load_after"] for r in rows))
