"""The five benchmark checks in pandas, same definitions as duckdb_checks.sql.

Usage: python pandas_checks.py FOLDER...   (institution folders: one for small/college, 50 for district)
Prints one JSON line: counts of checks 1-5, load and per-check times, peak RSS.
"""
import json, resource, sys, time
import pandas as pd

def read(folders, name, cols):
    frames = []
    for f in folders:
        df = pd.read_csv(f"{f}/{name}", sep=";", dtype=str, keep_default_na=False, usecols=cols, engine="c")
        df["inst"] = f
        frames.append(df)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

def day(s, fmt="%d.%m.%Y"):
    return pd.to_datetime(s, format=fmt, errors="coerce")

def main():
    folders = sys.argv[1:]
    out = {"impl": "pandas", "counts": [], "times": {}}
    t0 = time.perf_counter()
    marks = read(folders, "отметки.csv", ["Группа", "Предмет", "Дата урока", "Обучающийся", "Значение", "Вид работы", "Внесено"])
    marks["d"] = day(marks["Дата урока"])
    marks["entered"] = day(marks["Внесено"], "%d.%m.%Y %H:%M").dt.normalize()
    lessons = read(folders, "занятия.csv", ["Тема"])
    students = read(folders, "обучающиеся.csv", ["Группа", "Обучающийся", "Подгруппа", "Зачислен", "Выбыл"])
    students["enrolled"] = day(students["Зачислен"])
    students["left_on"] = day(students["Выбыл"])
    load = read(folders, "нагрузка.csv", ["Группа", "Подгруппа", "Предмет"])
    terms = read(folders, "периоды.csv", ["Период", "Вид", "Начало", "Окончание"])
    terms = terms[terms["Вид"].isin(["четверть", "семестр", "триместр", "полугодие"])].copy()
    terms["t_start"] = day(terms["Начало"])
    terms["t_end"] = day(terms["Окончание"])
    out["times"]["load"] = round(time.perf_counter() - t0, 3)

    def timed(name, fn):
        t = time.perf_counter()
        out["counts"].append(int(fn()))
        out["times"][name] = round(time.perf_counter() - t, 3)

    v = marks["Значение"]
    timed("check1", lambda: (v.str.contains("[1-5]", regex=True) & (marks["entered"] > marks["d"])).sum())
    timed("check2", lambda: ((marks["Вид работы"] == "контрольная работа") & ((marks["entered"] - marks["d"]).dt.days > 3)).sum())
    timed("check3", lambda: ((v != "") & ~v.str.contains("[0-9]", regex=True) & (v.str.lower() != "н")).sum())

    def check4():
        s = students.merge(load, on=["inst", "Группа"], suffixes=("", "_load"))
        s = s[(s["Подгруппа_load"] == "") | (s["Подгруппа_load"] == s["Подгруппа"])]
        e = s.merge(terms[["inst", "Период", "t_start", "t_end"]], on="inst")
        # Students in the group for the whole term (see the header of duckdb_checks.sql).
        e = e[(e["enrolled"] <= e["t_start"]) & (e["left_on"].isna() | (e["left_on"] >= e["t_end"]))]
        pure = marks[marks["Значение"].str.fullmatch(r"[1-5][-+!]?")]
        m = pure[["inst", "Группа", "Предмет", "Обучающийся", "d"]].merge(terms[["inst", "Период", "t_start", "t_end"]], on="inst")
        m = m[(m["d"] >= m["t_start"]) & (m["d"] <= m["t_end"])]
        keys = ["inst", "Группа", "Предмет", "Обучающийся", "Период"]
        n = m.groupby(keys).size().rename("n").reset_index()
        j = e[keys].merge(n, on=keys, how="left")
        return (j["n"].fillna(0) < 3).sum()

    timed("check4", check4)
    timed("check5", lambda: (lessons["Тема"].str.strip() == "").sum())
    out["times"]["total"] = round(time.perf_counter() - t0, 3)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    # CPU time of the whole process (user + system, every thread), from the interpreter's start.
    ru = resource.getrusage(resource.RUSAGE_SELF)
    out["cpu"] = round(ru.ru_utime + ru.ru_stime, 3)
    print(json.dumps(out, ensure_ascii=False))

main()
