"""Runs duckdb_checks.sql over a generated journal; prints one JSON line with counts and times.

Usage: python duckdb_run.py GLOB   (GLOB: the institution folder, or DIR/school-* for district)
The load statements (CREATE TEMP TABLE) are timed as "load", the five SELECTs as check1..check5.
"""
import json, os, re, resource, sys, time
import duckdb

def main():
    glob = sys.argv[1]
    sql = open(os.path.join(os.path.dirname(__file__), "duckdb_checks.sql"), encoding="utf-8").read()
    body = "\n".join(l for l in sql.splitlines() if not l.strip().startswith("--"))
    statements = [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]
    con = duckdb.connect()
    t0 = time.perf_counter()
    out = {"impl": "duckdb", "counts": [], "times": {}}
    load = 0.0
    for s in statements:
        s = s.replace("{glob}", glob)
        t = time.perf_counter()
        if s.upper().startswith("CREATE"):
            con.execute(s)
            load += time.perf_counter() - t
        else:
            n = con.execute(s).fetchone()[0]
            out["counts"].append(int(n))
            out["times"][f"check{len(out['counts'])}"] = round(time.perf_counter() - t, 3)
    out["times"]["load"] = round(load, 3)
    out["times"]["total"] = round(time.perf_counter() - t0, 3)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    # CPU time of the whole process (user + system, every thread), from the interpreter's start.
    ru = resource.getrusage(resource.RUSAGE_SELF)
    out["cpu"] = round(ru.ru_utime + ru.ru_stime, 3)
    print(json.dumps(out, ensure_ascii=False))

main()
