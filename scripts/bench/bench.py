"""Benchmark driver (called by run.sh): generates each size, runs the five checks in DuckDB,
pandas and zhurnal on the same CSV files, checks the counts against the ground truth and
writes BENCHMARKS.md. Every external program runs in its own process through measure.py, so
peak RSS is per program.
"""
import argparse, datetime, glob, json, os, platform, shutil, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable
CANONICAL = ["учреждение.csv", "календарь.csv", "периоды.csv", "звонки.csv", "группы.csv", "обучающиеся.csv",
             "нагрузка.csv", "ктп.csv", "занятия.csv", "отметки.csv", "итоговые.csv", "изменения.csv"]
CHECKS = ["отметки после дня урока", "контрольные позже 3 дней", "буквы пропуска кроме «н»",
          "меньше 3 отметок за четверть/семестр", "уроки без темы"]
NO = "нет"
NOTES = """
## Notes

- **Same files, same definitions.** DuckDB reads every institution folder with one glob
  (`DIR/school-*/отметки.csv` for district), pandas loops over the folders; both keep the folder
  as the institution so that schools never mix. The definitions of the five checks are in the
  header of `scripts/bench/duckdb_checks.sql`; the expected counts come from `ground_truth.csv`
  (`scripts/bench/expected_counts.py`): check 1 = `mark_late`, 2 = `test_mark_late`,
  3 = `absence_letter`, 4 = `too_few_marks`, 5 = `lesson_no_topic`. Check 4, like
  `too_few_marks` and oosh14 п. 4.5, judges only students in the group for the whole term and
  counts a signed mark («4-», «5+», «5!») as a mark.
- **Load** is reading the CSV files into typed tables (DuckDB: `CREATE TEMP TABLE … read_csv`
  with date parsing; pandas: `read_csv(usecols=…)` + `to_datetime`); **checks** are the five
  queries. DuckDB uses both cores, pandas one.
- **The generator streams**: it holds one group at a time, so its peak RSS stays flat from
  small to district.
- **Targets of issue 7 to compare zhurnal against** once the zhurnal rows are filled: import at
  least 50 MB/s; the five checks within 2× of DuckDB's time *and* at least 10× faster than
  pandas; district end to end under 2 GB resident. Here pandas is only about 2.5–5× slower
  than DuckDB, so the pandas target is the stricter one: it asks for roughly 2–4× *faster* than
  DuckDB (including the CSV read), which is only reachable if the checks run on the already
  imported store and the import is counted separately.
- **District layout**: one folder per school (`school-01` … `school-50`), each a complete
  canonical journal with its own `ground_truth.csv`; the zhurnal plug-in imports each folder
  into its own database and sums the times.
"""


def measure(cmd, log=None):
    env = dict(os.environ)
    if log:
        env["MEASURE_LOG"] = log
    out = subprocess.run([PY, os.path.join(HERE, "measure.py")] + cmd, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def supports(binary, command):
    """True when `zhurnal COMMAND` exists and is not the skeleton's placeholder."""
    out = subprocess.run([binary, command, "--help"], capture_output=True, text=True)
    return out.returncode == 0 and "(в разработке)" not in out.stdout


# ---------------------------------------------------------------------------------------------
# The rule pack zhurnal checks with: rules/oosh14.rules once it exists, else the pack of exactly
# the five checks in this folder (BENCH_RULES overrides).
FIVE_RULES = os.path.relpath(os.path.join(HERE, "five.rules"))
RULES = os.environ.get("BENCH_RULES") or ("rules/oosh14.rules" if os.path.exists("rules/oosh14.rules") else FIVE_RULES)
RULES_NAME = os.path.splitext(os.path.basename(RULES))[0]


# PLUG-IN: zhurnal import. Called once per institution folder; returns the measure.py result
# (seconds, peak_rss_mb, rc) or None when the binary cannot import yet. The 12 canonical tables
# are named (the folder also holds ground_truth.csv, which is no journal table).
def zhurnal_import(binary, folder, db, log):
    if not supports(binary, "import"):
        return None
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    files = [os.path.join(folder, n) for n in CANONICAL if os.path.exists(os.path.join(folder, n))]
    r = measure([binary, "import"] + files + ["--db", db], log)
    return r if r["rc"] == 0 else dict(r, failed=True)


# PLUG-IN: zhurnal check with the pack (exit code 1 = violations found: success); the time
# includes loading the journal from the database. Returns the measure.py result plus `counts`
# of the five checks when the JSON findings can be mapped to them (`five_counts`), else None.
def zhurnal_check(binary, db, json_out, log, rules=None):
    if not supports(binary, "check") or not os.path.exists(db):
        return None
    args = [binary, "check", db, "--rules", rules or RULES] + (["--json", json_out] if json_out else [])
    r = measure(args, log)
    r["failed"] = r["rc"] not in (0, 1)
    r["counts"] = five_counts(json_out) if json_out and not r["failed"] else None
    return r


# Issue 17: `zhurnal check FOLDER` end to end (the folder's journal built in memory), the import,
# `check DB` and the whole oosh14 pack, for the binary under test and — when BASE_BIN names
# the build it started from — that one too, run alternately (base, new, base, new …, REPEAT
# rounds) so that both meet the same load on a shared machine. Wall and CPU seconds per round.
OOSH14 = "rules/oosh14.rules"
REPEAT = int(os.environ.get("REPEAT", "3"))
OOSH14_SIZES = os.environ.get("OOSH14_SIZES", "small college").split()


def zhurnal_round(binary, folders, size, work, tag, log):
    """One round of every zhurnal measurement over the institution folders (summed, peak max)."""
    parts = {"import": [], "check_db": [], "check_folder": [], "oosh14": []}
    counts_db, counts_folder = [], []
    for i, f in enumerate(folders):
        db = os.path.join(work, f"{size}-{tag}-{i:02d}.sqlite")
        r = zhurnal_import(binary, f, db, log)
        if r is None or r.get("failed"):
            return None
        parts["import"].append(r)
        c = zhurnal_check(binary, db, os.path.join(work, f"{size}-{tag}-{i:02d}.json"), log)
        parts["check_db"].append(c)
        counts_db.append(c and c["counts"])
        # The folder as the user has it (its .zhurnal-ignore keeps ground_truth.csv out).
        c = zhurnal_check(binary, f, os.path.join(work, f"{size}-{tag}-{i:02d}-folder.json"), log)
        parts["check_folder"].append(c)
        counts_folder.append(c and c["counts"])
        if size in OOSH14_SIZES and os.path.exists(OOSH14):
            parts["oosh14"].append(zhurnal_check(binary, db, None, log, rules=OOSH14))
    out = {}
    for k, rs in parts.items():
        if not rs or any(r is None or r.get("failed") for r in rs):
            out[k] = None
            continue
        out[k] = {"seconds": sum(r["seconds"] for r in rs), "cpu": sum(r.get("cpu", 0) for r in rs),
                  "peak_rss_mb": max(r["peak_rss_mb"] for r in rs)}
    for k, counts in (("check_db", counts_db), ("check_folder", counts_folder)):
        if out[k] is not None:
            out[k]["counts"] = [sum(x) for x in zip(*counts)] if all(counts) else None
    return out


def zhurnal_rounds(args, folders, size, log, duck_glob):
    """REPEAT rounds, each DuckDB's read + five checks first, then the base build and this one;
    per measurement the rounds' wall and CPU seconds (lists) and the peak RSS, and DuckDB's
    total per round ("duckdb_walls"), so that every ratio compares times taken minutes apart
    at most on this shared host."""
    bins = [("base", args.base_bin)] if args.base_bin else []
    bins.append(("new", args.bin))
    rounds = {tag: [] for tag, _ in bins}
    duck_walls = []
    for k in range(REPEAT):
        print(f"[{size}] DuckDB, round {k + 1}/{REPEAT}…", flush=True)
        duck_walls.append(run_json([PY, os.path.join(HERE, "duckdb_run.py"), duck_glob])["times"]["total"])
        for tag, b in bins:
            print(f"[{size}] zhurnal {tag}, round {k + 1}/{REPEAT}…", flush=True)
            rounds[tag].append(zhurnal_round(b, folders, size, args.work, tag, log))
    out = {"duckdb_walls": duck_walls}
    for tag, rs in rounds.items():
        if any(r is None for r in rs):
            out[tag] = None
            continue
        m = {}
        for key in rs[0]:
            if any(r[key] is None for r in rs):
                m[key] = None
                continue
            m[key] = {"walls": [r[key]["seconds"] for r in rs], "cpus": [r[key]["cpu"] for r in rs],
                      "peak_rss_mb": max(r[key]["peak_rss_mb"] for r in rs), "counts": rs[0][key].get("counts")}
        out[tag] = m
    return out


# PLUG-IN: map zhurnal findings (JSON) onto the five checks: the rule ids of the pack that
# implement each check (known for five.rules; for another pack the counts column says «нет»).
RULE_IDS_FOR_CHECK = ([["BENCH-1-MARK-LATE"], ["BENCH-2-TEST-LATE"], ["BENCH-3-ABSENCE-LETTER"],
                       ["BENCH-4-FEW-MARKS"], ["BENCH-5-NO-TOPIC"]]
                      if os.path.abspath(RULES) == os.path.abspath(FIVE_RULES) else [[], [], [], [], []])


def five_counts(json_out):
    if not all(RULE_IDS_FOR_CHECK) or not os.path.exists(json_out):
        return None
    with open(json_out, encoding="utf-8") as f:
        data = json.load(f)
    findings = data.get("findings", []) if isinstance(data, dict) else data
    return [sum(1 for x in findings if (x.get("ruleId") or x.get("rule")) in ids) for ids in RULE_IDS_FOR_CHECK]
# ---------------------------------------------------------------------------------------------


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    import duckdb, pandas
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "os": platform.platform(),
            "swift": swift[0] if swift else "?", "python": platform.python_version(),
            "duckdb": duckdb.__version__, "pandas": pandas.__version__}


def fmt(x, digits=2):
    return NO if x is None else (f"{x:.{digits}f}" if isinstance(x, float) else str(x))


def bench_size(args, size):
    data = os.path.join(args.work, "data", size)
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    log = os.path.join(args.work, f"{size}.log")
    open(log, "w").close()
    gen = measure([args.bin, "generate", "--size", size, "--seed", str(args.seed), "--out", data,
                   "--inject", str(args.inject)], log)
    if gen["rc"] != 0:
        raise SystemExit(f"generate {size} failed, see {log}")
    folders = sorted(glob.glob(os.path.join(data, "school-*"))) or [data]
    mb = sum(os.path.getsize(os.path.join(f, n)) for f in folders for n in CANONICAL) / 1e6
    cells = sum(sum(1 for _ in open(os.path.join(f, "отметки.csv"), "rb")) - 1 for f in folders)
    lessons = sum(sum(1 for _ in open(os.path.join(f, "занятия.csv"), "rb")) - 1 for f in folders)
    expected = run_json([PY, os.path.join(HERE, "expected_counts.py")] + folders)["counts"]
    duck_glob = os.path.join(data, "school-*") if len(folders) > 1 else data
    print(f"[{size}] {mb:.1f} MB generated in {gen['seconds']:.1f} s; DuckDB…", flush=True)
    duck = run_json([PY, os.path.join(HERE, "duckdb_run.py"), duck_glob])
    print(f"[{size}] DuckDB {duck['times']['total']:.2f} s; pandas…", flush=True)
    pand = run_json([PY, os.path.join(HERE, "pandas_checks.py")] + folders)
    print(f"[{size}] pandas {pand['times']['total']:.2f} s; zhurnal…", flush=True)
    imp, chk = None, None
    imports = []
    for i, f in enumerate(folders):
        r = zhurnal_import(args.bin, f, os.path.join(args.work, f"{size}-{i:02d}.sqlite"), log)
        if r is None or r.get("failed"):
            imports = None
            break
        imports.append(r)
    if imports:
        imp = {"seconds": sum(r["seconds"] for r in imports), "peak_rss_mb": max(r["peak_rss_mb"] for r in imports)}
        checks = [zhurnal_check(args.bin, os.path.join(args.work, f"{size}-{i:02d}.sqlite"),
                                os.path.join(args.work, f"{size}-{i:02d}.json"), log) for i in range(len(folders))]
        if all(c is not None and not c["failed"] for c in checks):
            counts = [c["counts"] for c in checks]
            chk = {"seconds": sum(c["seconds"] for c in checks), "peak_rss_mb": max(c["peak_rss_mb"] for c in checks),
                   "counts": [sum(x) for x in zip(*counts)] if all(counts) else None}
    rounds = zhurnal_rounds(args, folders, size, log, duck_glob)
    return {"size": size, "institutions": len(folders), "mb": mb, "cells": cells, "lessons": lessons, "gen": gen,
            "expected": expected, "duckdb": duck, "pandas": pand, "import": imp, "check": chk, "rounds": rounds}


def write_report(args, info, results):
    L = []
    L.append("# Benchmarks\n")
    L.append(f"Measured {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} with\n")
    L.append(f"```\n{args.command}\n```\n")
    L.append(f"Machine: {info['nproc']} CPU ({info['cpu']}), {info['mem']} RAM, {info['os']}; {info['swift']}; "
             f"Python {info['python']}, DuckDB {info['duckdb']}, pandas {info['pandas']}. The machine is shared "
             f"(other builds may run at the same time), so times are indicative to about ±20 %.\n")
    L.append(f"Data: `zhurnal generate --size SIZE --seed {args.seed} --inject {args.inject}` (release build). "
             "CSV size counts the 12 canonical tables (not `ground_truth.csv`).\n")
    L.append("## Generated journals\n")
    L.append("| size | institutions | CSV MB | lessons | journal cells | generate s | generate MB/s | generate peak RSS MB |")
    L.append("|---|---|---|---|---|---|---|---|")
    for r in results:
        g = r["gen"]
        L.append(f"| {r['size']} | {r['institutions']} | {r['mb']:.1f} | {r['lessons']:,} | {r['cells']:,} | "
                 f"{g['seconds']:.2f} | {r['mb'] / g['seconds']:.0f} | {g['peak_rss_mb']:.0f} |")
    L.append("\n## The five checks: time (read CSV + checks) and memory\n")
    L.append("| size | implementation | load s | checks s | total s | MB/s | × DuckDB | peak RSS MB |")
    L.append("|---|---|---|---|---|---|---|---|")
    for r in results:
        base = r["duckdb"]["times"]["total"]
        for name, x in (("DuckDB", r["duckdb"]), ("pandas", r["pandas"])):
            t = x["times"]
            checks = sum(t[f"check{i}"] for i in range(1, 6))
            L.append(f"| {r['size']} | {name} | {t['load']:.2f} | {checks:.2f} | {t['total']:.2f} | "
                     f"{r['mb'] / t['total']:.0f} | {t['total'] / base:.1f} | {x['peak_rss_mb']:.0f} |")
        imp, chk = r["import"], r["check"]
        if imp and chk:
            total = imp["seconds"] + chk["seconds"]
            L.append(f"| {r['size']} | zhurnal import + check ({RULES_NAME}) | {imp['seconds']:.2f} | {chk['seconds']:.2f} | "
                     f"{total:.2f} | {r['mb'] / total:.0f} | {total / base:.1f} | {max(imp['peak_rss_mb'], chk['peak_rss_mb']):.0f} |")
        else:
            L.append(f"| {r['size']} | zhurnal import + check ({RULES_NAME}) | {NO} | {NO} | {NO} | {NO} | {NO} | {NO} |")
    L.append("\n## zhurnal import\n")
    L.append("| size | import s | import MB/s | import peak RSS MB | check s | check peak RSS MB |")
    L.append("|---|---|---|---|---|---|")
    for r in results:
        imp, chk = r["import"], r["check"]
        L.append(f"| {r['size']} | {fmt(imp and imp['seconds'])} | {fmt(imp and r['mb'] / imp['seconds'], 0)} | "
                 f"{fmt(imp and imp['peak_rss_mb'], 0)} | {fmt(chk and chk['seconds'])} | {fmt(chk and chk['peak_rss_mb'], 0)} |")
    L.append("\n## Counts: every implementation against the ground truth\n")
    L.append("| size | check | ground truth | DuckDB | pandas | zhurnal | agree |")
    L.append("|---|---|---|---|---|---|---|")
    for r in results:
        z = r["check"]["counts"] if r["check"] and r["check"].get("counts") else None
        for i, name in enumerate(CHECKS):
            vals = [r["expected"][i], r["duckdb"]["counts"][i], r["pandas"]["counts"][i]] + ([z[i]] if z else [])
            ok = "да" if len(set(vals)) == 1 else "**нет**"
            L.append(f"| {r['size']} | {i + 1}. {name} | {vals[0]} | {vals[1]} | {vals[2]} | {fmt(z and z[i])} | {ok} |")
    L.append(f"\nzhurnal: `zhurnal import <the 12 canonical tables> --db X`, then `zhurnal check X --rules {RULES} "
             "--json F` (release build); «load s» for zhurnal is the import, «checks s» the check command (loading the "
             "journal from the database and the rules). Pack: " + ("`scripts/bench/five.rules`, exactly the five checks "
             "(chosen with BENCH_RULES; the whole oosh14 pack is timed separately below)" if RULES_NAME == "five" else f"`{RULES}`") +
             ". «нет»: the binary did not support the command or the pack's rule ids are not mapped (RULE_IDS_FOR_CHECK "
             "in `scripts/bench/bench.py`). Check definitions: header of `scripts/bench/duckdb_checks.sql`.\n")
    L.extend(rounds_report(args, results))
    L.append(NOTES)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def span(xs, digits=2):
    lo, hi = min(xs), max(xs)
    return f"{lo:.{digits}f}" if f"{lo:.{digits}f}" == f"{hi:.{digits}f}" else f"{lo:.{digits}f}–{hi:.{digits}f}"


def paired(walls, ducks):
    """The median of the rounds' ratios to DuckDB's time in the same round, the range in brackets."""
    ratios = [w / d for w, d in zip(walls, ducks)] if len(ducks) == len(walls) else [min(walls) / ducks[0]]
    return f"{statistics.median(ratios):.2f} ({span(ratios)})" if len(ratios) > 1 else f"{ratios[0]:.2f}"


def rounds_report(args, results):
    """Issue 17's table: each zhurnal measurement for the base build and this one (wall and CPU
    seconds over the rounds, best first), against DuckDB's and pandas' read + five checks."""
    L = ["\n## Issue 17: a folder checked end to end, the import, `check DB`, the whole oosh14 pack\n"]
    L.append(f"{REPEAT} rounds, the builds alternating in each (" + ("base, this" if args.base_bin else "this build only") +
             "), each round starting with DuckDB's read + five checks; wall and CPU (user + system, all threads) seconds "
             "as min–max over the rounds; peak RSS the largest. «× DuckDB» pairs each round's wall time with DuckDB's in "
             "the same round: the median of the rounds' ratios, their range in brackets (the host is shared, and a ratio "
             "of times taken minutes apart says more about the host than about the programs). DuckDB's row gives its "
             "rounds (the first, separate measurement in brackets after them); its CPU in brackets is DuckDB's process, "
             "interpreter start included.\n")
    L.append("| size | measurement | build | wall s | CPU s | peak RSS MB | MB/s | × DuckDB | counts = truth |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    names = {"check_folder": "`check FOLDER --rules five.rules` (end to end)", "import": "`import FOLDER --db X`",
             "check_db": "`check X --rules five.rules`", "oosh14": "`check X --rules oosh14.rules` (whole pack)"}
    for r in results:
        d, p = r["duckdb"], r["pandas"]
        base = d["times"]["total"]
        ducks = (r.get("rounds") or {}).get("duckdb_walls") or [base]
        L.append(f"| {r['size']} | read CSV + five checks | DuckDB | {span(ducks)} ({base:.2f}) | ({d.get('cpu', 0):.2f}) | "
                 f"{d['peak_rss_mb']:.0f} | {r['mb'] / statistics.median(ducks):.0f} | 1.0 | "
                 f"{'да' if d['counts'] == r['expected'] else '**нет**'} |")
        L.append(f"| {r['size']} | read CSV + five checks | pandas | {p['times']['total']:.2f} | ({p.get('cpu', 0):.2f}) | "
                 f"{p['peak_rss_mb']:.0f} | {r['mb'] / p['times']['total']:.0f} | {p['times']['total'] / base:.1f} | "
                 f"{'да' if p['counts'] == r['expected'] else '**нет**'} |")
        for key in ("check_folder", "import", "check_db", "oosh14"):
            for tag in ("base", "new"):
                m = (r.get("rounds") or {}).get(tag)
                if m is None or m.get(key) is None:
                    continue
                x = m[key]
                mbs = f"{r['mb'] / min(x['walls']):.0f}" if key in ("check_folder", "import") else ""
                ratio = paired(x["walls"], ducks) if key != "oosh14" else ""
                counts = "" if key in ("import", "oosh14") else ("да" if x["counts"] == r["expected"] else
                                                                   (NO if x["counts"] is None else "**нет**"))
                L.append(f"| {r['size']} | {names[key]} | {'base' if tag == 'base' else 'this'} | {span(x['walls'])} | "
                         f"{span(x['cpus'])} | {x['peak_rss_mb']:.0f} | {mbs} | {ratio} | {counts} |")
    return L


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--base-bin", default=None, help="the build to compare with, run alternately (issue 17)")
    p.add_argument("--work", required=True)
    p.add_argument("--seed", default="1")
    p.add_argument("--inject", default="0.01")
    p.add_argument("--out", default="BENCHMARKS.md")
    p.add_argument("--command", default="bash scripts/bench/run.sh")
    p.add_argument("sizes", nargs="+")
    args = p.parse_args()
    info = machine()
    results = [bench_size(args, s) for s in args.sizes]
    write_report(args, info, results)
    with open(os.path.join(args.work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"machine": info, "results": results}, f, ensure_ascii=False, indent=1)
    bad = [(r["size"], i + 1) for r in results for i in range(5)
           if len({r["expected"][i], r["duckdb"]["counts"][i], r["pandas"]["counts"][i]}) != 1]
    print(open(args.out, encoding="utf-8").read())
    if bad:
        raise SystemExit(f"counts disagree: {bad}")


main()
