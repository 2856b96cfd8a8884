#!/usr/bin/env python3
"""Start-up bench of the demo app (docs/PERFORMANCE.md, "The demo's start-up").

Usage: startup-bench.py ROUNDS JAR [JAR ...]

Launches each jar in turn (the order reversed every other round, so that load hits them alike)
with -Dattnviz.timing=true, a fresh settings file (the default model and input) and the user's
model cache, under one Xvfb display (:77; needs Xvfb). Records when each 'attnviz timing:' line
reached this script, counted from the launch, and the process's CPU time then; stops each run at
the first picture (or the first visualization, for builds that do not print it). Prints each run
and the medians. Environment: THREADS=1 also prints each thread's CPU time; NICE=n runs the JVMs
under nice -n n."""
import os, subprocess, sys, time, re, tempfile, statistics, signal
rounds = int(sys.argv[1]); jars = sys.argv[2:]
disp = ":77"
NICE = ["nice", "-n", os.environ.get("NICE", "0")]
xvfb = subprocess.Popen(["Xvfb", disp, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.5)
env = dict(os.environ, DISPLAY=disp)
results = {j: [] for j in jars}
pat = re.compile(r"attnviz timing: (.*) after (\d+) ms")
cpupat = re.compile(r"(\d+) ms of CPU")

try:
    for r in range(rounds):
        order = jars if r % 2 == 0 else list(reversed(jars))
        for jar in order:
            settings = tempfile.mktemp(suffix=".properties")
            load = os.getloadavg()[0]
            t0 = time.monotonic()
            p = subprocess.Popen(NICE + ["java", "-Dattnviz.timing=true", "-Dattnviz.settings=" + settings,
                                  "-jar", jar], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
            row = {"load": load}
            deadline = t0 + 120
            for line in p.stderr:
                m = pat.search(line)
                if m:
                    c = cpupat.search(line)
                    if c is None:  # the old jar prints no CPU time: read it from /proc
                        st = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
                        cpu = (int(st[11]) + int(st[12])) * 1000 // os.sysconf("SC_CLK_TCK")
                    else:
                        cpu = int(c.group(1))
                    row[m.group(1)] = (round((time.monotonic() - t0) * 1000), int(m.group(2)), cpu)
                    if m.group(1) == ("first picture painted" if "start" in row else "first visualization"):
                        if os.environ.get("THREADS"):
                            import glob, collections
                            agg = collections.Counter()
                            for t in glob.glob(f"/proc/{p.pid}/task/*"):
                                try:
                                    name = open(t + "/comm").read().strip()
                                    st = open(t + "/stat").read().rsplit(")", 1)[1].split()
                                    agg[re.sub(r"\d+", "#", name)] += (int(st[11]) + int(st[12])) * 10
                                except OSError:
                                    pass
                            print("   threads:", agg.most_common(12))
                        break
                if time.monotonic() > deadline:
                    break
            p.send_signal(signal.SIGKILL); p.wait()
            row["load_after"] = os.getloadavg()[0]
            results[jar].append(row)
            print(jar, row, flush=True)
finally:
    xvfb.terminate()
for jar, rows in results.items():
    print("==", jar)
    keys = [k for k in rows[0] if k not in ("load", "load_after")]
    for k in keys:
        vals = [row[k][0] for row in rows if k in row]
        cpus = [row[k][2] for row in rows if k in row]
        print(f"  {k}: median {statistics.median(vals)} ms from launch, range {min(vals)}-{max(vals)} ({len(vals)} runs); CPU median {statistics.median(cpus)} ms")
    print("  load:", min(r['load'] for r in rows), "-", max(r['load_after'] for r in rows))
