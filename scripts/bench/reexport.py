"""A week's re-export of a generated marks table, for timing `zhurnal import` into a journal
that has the table already (the weekly workflow: the whole table exported again).

Usage: python reexport.py FOLDER OUT_DIR
Writes OUT_DIR/отметки.csv: FOLDER's отметки.csv with, by line number k (1 = first data line),
every 5003rd line gone (a mark removed), every 7001st mark 3 or 4 made 5 (a mark changed),
every 6007th work type «контрольная работа», every 8009th entry time's minutes set to 59,
every 9001st «Внёс» emptied. Prints the counts.
The same input gives the same file: deterministic, no randomness.
"""
import os, sys

def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = open(os.path.join(src, "отметки.csv"), encoding="utf-8").read().split("\n")
    head = lines[0].split(";")
    value, work, at, by = (head.index(c) for c in ("Значение", "Вид работы", "Внесено", "Внёс"))
    kept, n = [lines[0]], {"removed": 0, "changed": 0, "work type": 0, "entered at": 0, "entered by emptied": 0}
    for k, line in enumerate(lines[1:], 1):
        if not line:
            kept.append(line)
            continue
        f = line.split(";")
        if k % 5003 == 0:
            n["removed"] += 1
            continue
        if k % 7001 == 0 and f[value] in ("3", "4"):
            f[value] = "5"; n["changed"] += 1
        if k % 6007 == 0:
            f[work] = "контрольная работа"; n["work type"] += 1
        if k % 8009 == 0 and f[at]:
            f[at] = f[at][:-2] + "59"; n["entered at"] += 1
        if k % 9001 == 0:
            f[by] = ""; n["entered by emptied"] += 1
        kept.append(";".join(f))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "отметки.csv"), "w", encoding="utf-8") as w:
        w.write("\n".join(kept))
    print(n)

if __name__ == "__main__":
    main()
