#!/usr/bin/env bash
# Compares the complete JSON results of two zhurnal builds on one journal, for every pack:
# findings (sorted), rule outcomes (skipped counts and reasons, checked counts, statuses),
# coverage, as-of moment — everything except the moment the check ran (`checkedAt`).
# A speed-up that changes any of it is a bug.
#
#   scripts/bench/same-findings.sh REF_BINARY NEW_BINARY JOURNAL [PACK.rules ...]
#
# JOURNAL: a database or a folder. Packs default to rules/*.rules (base.rules included: it
# runs alone as a pack of templates, with no rules of its own). Exit 0 when all are identical.
set -euo pipefail
ref=$1 new=$2 db=$3
shift 3
here=$(cd "$(dirname "$0")/../.." && pwd)
packs=("$@")
[ ${#packs[@]} -gt 0 ] || packs=("$here"/rules/*.rules)
out=$(mktemp -d "${TMPDIR:-/tmp}/same-findings.XXXXXX")
trap 'rm -rf "$out"' EXIT
status=0
for p in "${packs[@]}"; do
    name=$(basename "$p" .rules)
    rc_ref=0; rc_new=0
    "$ref" check "$db" --rules "$p" --json "$out/$name.ref.json" >/dev/null 2>"$out/$name.ref.err" || rc_ref=$?
    "$new" check "$db" --rules "$p" --json "$out/$name.new.json" >/dev/null 2>"$out/$name.new.err" || rc_new=$?
    if [ "$rc_ref" != "$rc_new" ]; then
        echo "$name: exit codes differ (ref $rc_ref, new $rc_new)"; status=1; continue
    fi
    if [ "$rc_ref" -ge 2 ]; then
        if cmp -s "$out/$name.ref.err" "$out/$name.new.err"; then echo "$name: same error (exit $rc_ref)"
        else echo "$name: errors differ"; diff "$out/$name.ref.err" "$out/$name.new.err" | head -5; status=1; fi
        continue
    fi
    python3 - "$out/$name.ref.json" "$out/$name.new.json" "$name" <<'PY' || status=1
import json, sys
def norm(path):
    d = json.load(open(path))
    d.pop("checkedAt", None)
    d["findings"] = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in d["findings"])
    return d
a, b, name = norm(sys.argv[1]), norm(sys.argv[2]), sys.argv[3]
if a == b:
    print(f"{name}: identical ({len(a['findings'])} findings, {len(a['outcomes'])} rules)")
    sys.exit(0)
print(f"{name}: DIFFERENT")
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        if k == "findings":
            fa, fb = set(a[k]), set(b[k])
            print(f"  findings: {len(fa - fb)} only in ref, {len(fb - fa)} only in new")
            for f in sorted(fa - fb)[:3]: print("   - " + f[:300])
            for f in sorted(fb - fa)[:3]: print("   + " + f[:300])
        elif k == "outcomes":
            for x, y in zip(a[k], b[k]):
                if x != y: print("  outcome differs:", json.dumps(x, ensure_ascii=False)[:300], "\n             new:", json.dumps(y, ensure_ascii=False)[:300])
        else:
            print(f"  {k} differs")
sys.exit(1)
PY
done
exit $status
