"""Runs a command, prints one JSON line: exit code, wall seconds, CPU seconds (user + system)
and peak RSS (MB) of the child.

Usage: python measure.py CMD ARGS...   (stdout/stderr of the command go to measure.log beside it
when MEASURE_LOG is set, otherwise they are discarded)
"""
import json, os, resource, subprocess, sys, time

log = os.environ.get("MEASURE_LOG")
sink = open(log, "ab") if log else subprocess.DEVNULL
t = time.perf_counter()
rc = subprocess.call(sys.argv[1:], stdout=sink, stderr=sink)
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = usage.ru_maxrss / 1024
print(json.dumps({"rc": rc, "seconds": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
                  "peak_rss_mb": round(rss, 1)}))
