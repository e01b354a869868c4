#!/usr/bin/env python3
"""Compare `memcon export` of two builds over folders of documents, one line per change.

    benches/export-diff.py OLD_BINARY NEW_BINARY DIR_OR_FILE... [--every N] [--show K]

For every `*.txt` under the given folders (every Nth with --every), both binaries export the
document; the two JSON documents are compared field by field: metadata, memo header, the
sequence of block kinds, block texts, enclosures, footnotes and entity names. Each difference
is printed as `<file>: <what changed>`, and a tally of the kinds of change ends the report, so a
parser change can be reviewed document by document. Exit status 0 (it reports, it does not
judge). Needs only Python 3.
"""
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path


def export(binary, path):
    out = subprocess.run(
        [binary, "export", str(path)],
        capture_output=True,
        env={"MEMCON_DATA_DIR": "/nonexistent-memcon-export-diff", "PATH": "/usr/bin:/bin"},
    )
    if out.returncode != 0:
        return {"error": out.stderr.decode(errors="replace").strip()}
    return json.loads(out.stdout)


def short(v, n=70):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 1] + "…"


def kinds_summary(blocks):
    return [b["kind"] for b in blocks]


def compare(old, new):
    """Yield (category, description) for each difference."""
    if "error" in old or "error" in new:
        if old.get("error") != new.get("error"):
            yield ("error", f"{old.get('error')} → {new.get('error')}")
        return
    for key in sorted(set(old["metadata"]) | set(new["metadata"])):
        a, b = old["metadata"].get(key), new["metadata"].get(key)
        if a != b and not (key == "date_source" and a is None and b == "header"):
            yield (f"metadata.{key}", f"{short(a)} → {short(b)}")
    for key in sorted(set(old["memo"]) | set(new["memo"])):
        a, b = old["memo"].get(key), new["memo"].get(key)
        if key == "present" and a and b:
            # Sides are reported when they change (an older build wrote none).
            sides_a = [p.get("side") for p in a]
            sides_b = [p.get("side") for p in b]
            if sides_a != sides_b:
                yield ("memo.present.side", short(sorted(set(sides_b) - {None})))
            a = [{k: v for k, v in p.items() if k != "side"} for p in a]
            b = [{k: v for k, v in p.items() if k != "side"} for p in b]
        if key == "drafted" and a is None and b is None:
            continue
        if a != b:
            yield (f"memo.{key}", f"{short(a)} → {short(b)}")
    ka, kb = kinds_summary(old["blocks"]), kinds_summary(new["blocks"])
    if ka != kb:
        ca, cb = Counter(ka), Counter(kb)
        delta = {k: cb[k] - ca[k] for k in set(ca) | set(cb) if cb[k] != ca[k]}
        yield ("block kinds", ", ".join(f"{k} {v:+d}" for k, v in sorted(delta.items())))
    ta = [b["text"] for b in old["blocks"]]
    tb = [b["text"] for b in new["blocks"]]
    if "".join(ta).replace("\n", "").replace(" ", "") != "".join(tb).replace("\n", "").replace(" ", ""):
        yield ("block text", "the text of the blocks differs beyond spacing and line breaks")
    if old.get("enclosures") != new.get("enclosures"):
        labels = [e["label"] for e in new.get("enclosures") or []]
        yield ("enclosures", short(labels))
    if [f["text"] for f in old["footnotes"]] != [f["text"] for f in new["footnotes"]]:
        yield ("footnotes", f"{len(old['footnotes'])} → {len(new['footnotes'])}")
    ea = sorted((e["kind"], e["name"]) for e in old.get("entities", []))
    eb = sorted((e["kind"], e["name"]) for e in new.get("entities", []))
    if ea != eb:
        gone = sorted(set(ea) - set(eb))
        came = sorted(set(eb) - set(ea))
        yield ("entities", f"-{short(gone, 120)} +{short(came, 120)}")


def main():
    args = sys.argv[1:]
    every, show = 1, 10**9
    if "--every" in args:
        i = args.index("--every")
        every = int(args[i + 1])
        del args[i : i + 2]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i : i + 2]
    if len(args) < 3:
        sys.exit(__doc__)
    old_bin, new_bin, roots = args[0], args[1], args[2:]
    files = []
    for r in roots:
        p = Path(r)
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    files = files[::every]
    tally = Counter()
    changed = 0
    for f in files:
        diffs = list(compare(export(old_bin, f), export(new_bin, f)))
        if diffs:
            changed += 1
        for cat, what in diffs:
            tally[cat] += 1
            if tally[cat] <= show:
                print(f"{f}: {cat}: {what}")
    print(f"\n{len(files)} documents, {changed} with a difference")
    for cat, n in tally.most_common():
        print(f"{n:6d}  {cat}")


if __name__ == "__main__":
    main()
