#!/usr/bin/env python3
"""Score `memcon entities --json` against a corpus with partial gold.

Usage: benches/eval-entities.py CORPUS_DIR [--memcon PATH] [--list]

CORPUS_DIR holds <id>.txt documents and <id>.gold.json files ({"places": [...], "people": [...]}).
Gold is partial, so this prints recall per type; with --list it also prints every place and person
found, one per line, for checking precision by hand. A gold name counts as found when an entity of
the same kind has it as name or alias (case and accents ignored); a person also when the surnames
agree (`Rockhill` ~ `W. W. Rockhill`); a place also when the gold string's comma-separated parts
include it (`Army Headquarters, Peking, Winter Palace` ~ `Peking`).
"""
import json, os, subprocess, sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())

def surname(s):
    words = [w for w in fold(s).replace(",", " ").split() if not w.endswith(".")]
    return words[-1] if words else ""

def main():
    args = sys.argv[1:]
    corpus = args[0]
    memcon = args[args.index("--memcon") + 1] if "--memcon" in args else "target/debug/memcon"
    listing = "--list" in args
    env = dict(os.environ, MEMCON_CONFIG_DIR="/nonexistent-memcon-config")
    found = {"places": 0, "people": 0}
    total = {"places": 0, "people": 0}
    misses = []
    rows = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".gold.json"):
            continue
        doc_id = name[: -len(".gold.json")]
        gold = json.load(open(os.path.join(corpus, name)))
        out = subprocess.run([memcon, "entities", "--json", os.path.join(corpus, doc_id + ".txt")],
                             capture_output=True, text=True, env=env, check=True).stdout
        ents = json.loads(out)
        names = {"place": set(), "person": set()}
        surnames = set()
        for e in ents:
            if e["kind"] not in names:
                continue
            for n in [e["name"], *e["aliases"]]:
                names[e["kind"]].add(fold(n))
                if e["kind"] == "person":
                    surnames.add(surname(n))
            rows.append((doc_id, e["kind"], e["name"], len(e["mentions"])))
        for g in gold.get("places", []):
            total["places"] += 1
            parts = {fold(p.strip(" []")) for p in g.split(",")} | {fold(g)}
            if parts & names["place"]:
                found["places"] += 1
            else:
                misses.append((doc_id, "place", g))
        for g in gold.get("people", []):
            total["people"] += 1
            if fold(g) in names["person"] or surname(g) in surnames:
                found["people"] += 1
            else:
                misses.append((doc_id, "person", g))
    for kind in ("places", "people"):
        t = total[kind] or 1
        print(f"recall {kind}: {found[kind]}/{total[kind]} = {found[kind] / t:.3f}")
    for m in misses:
        print("missed", *m, sep="\t")
    if listing:
        for r in rows:
            print(*r, sep="\t")

main()
