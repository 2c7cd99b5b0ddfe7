"""Expected counts of the five benchmark checks, from the generator's ground truth.

Usage: python expected_counts.py FOLDER...   Prints one JSON line.
check1 = mark_late (every mark entered after the lesson day, tests and written work included),
check2 = test_mark_late, check3 = absence_letter, check4 = too_few_marks, check5 = lesson_no_topic.
"""
import csv, json, sys

KINDS = ["mark_late", "test_mark_late", "absence_letter", "too_few_marks", "lesson_no_topic"]
counts = dict.fromkeys(KINDS, 0)
for folder in sys.argv[1:]:
    with open(f"{folder}/ground_truth.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            if row["kind"] in counts:
                counts[row["kind"]] += 1
print(json.dumps({"impl": "ground truth", "counts": [counts[k] for k in KINDS]}))
