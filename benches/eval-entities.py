#!/usr/bin/env python3
"""Measure entity extraction against gold, the three ways docs/entities.md reports.

Usage (from the repository root, after `cargo build --release`):

    benches/eval-entities.py [--memcon PATH] [--dev DIR] [--frus DIR] [--fresh DIR]
                             [--held-out VOL,VOL] [--exclude VOL,VOL] [--only VOL,VOL]
                             [--misses] [--jobs N]

1. --dev DIR (default ../shared/corpus-dev): complete hand gold, `<id>.full.json`. Prints
   precision, recall and F1 per kind and micro-averaged, with the scorer in
   ../shared/tools/score-entities.py (imported, so the matching rules are exactly its own).
2. --frus DIR (default ../shared/corpus-frus): the editors' partial tags, `<vol>/<doc>.gold.json`
   (persons they tagged, the dateline place). Prints recall of people and places, per volume and
   in total. --held-out names volumes kept unread while developing: they get a total of their
   own, and --misses never lists their misses. --exclude / --only choose volumes.
3. --fresh DIR (optional): a directory of `<id>.txt` and `<id>.full.json` written by hand for
   documents never used in development; scored like --dev.

A prediction is the name of every entity with at least one mention in the transcript that is not
an adjective (the gold covers the body, not the metadata block above it, and lists no place that
is only an adjective: `Swedish` is not a place). Complete gold is matched by the scorer's
loose rule on names only (aliases are not read, as the scorer does). A partial tag counts as
found when a predicted entity of the same kind has it as name or alias under the loose rule, a
person also when the surnames agree (`M. de Cologan` ~ `B. J. de Cologan`), a place also when a
comma-separated part of the tag matches (`Army Headquarters, Peking` ~ `Peking`).

--misses prints every miss and every wrong prediction (tab-separated), for reading.
--skip-dev / --skip-frus leave a part out.
"""
import argparse
import concurrent.futures
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"place": "places", "person": "people", "organization": "organizations"}


def load_scorer(shared: Path):
    path = shared / "tools" / "score-entities.py"
    if not path.exists():
        sys.exit(f"eval-entities: {path}: no such file (the scorer comes with ../shared)")
    spec = importlib.util.spec_from_file_location("score_entities", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def extract(memcon: str, path: Path):
    env = dict(os.environ, MEMCON_CONFIG_DIR="/nonexistent-memcon-config")
    out = subprocess.run([memcon, "entities", "--json", str(path)], capture_output=True,
                         text=True, env=env)
    if out.returncode != 0:
        return path, None, out.stderr.strip()
    return path, json.loads(out.stdout), None


def extract_all(memcon, paths, jobs):
    results = {}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for path, ents, err in pool.map(lambda p: extract(memcon, p), paths):
            if ents is None:
                print(f"eval-entities: {path}: memcon failed: {err}", file=sys.stderr)
                ents = []
            results[path] = ents
    return results


def body_entities(ents):
    return [e for e in ents if e["kind"] in KINDS
            and any("block" in m and not m["adjectival"] for m in e["mentions"])]


def prediction(ents):
    pred = {k: [] for k in KINDS.values()}
    for e in body_entities(ents):
        pred[KINDS[e["kind"]]].append(e["name"])
    return pred


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_full(sc, title, gold_dir: Path, memcon, jobs, misses):
    golds = sorted(gold_dir.glob("*.full.json"))
    if not golds:
        print(f"{title}: no *.full.json in {gold_dir}")
        return
    ids = [g.name[: -len(".full.json")] for g in golds]
    results = extract_all(memcon, [gold_dir / f"{i}.txt" for i in ids], jobs)
    tot = {t: [0, 0, 0, 0] for t in KINDS.values()}  # ok_pred, n_pred, found, n_gold
    rows = []
    for i, g in zip(ids, golds):
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = prediction(results[gold_dir / f"{i}.txt"])
        for t in KINDS.values():
            gl, pl = sc.uniq(gold.get(t)), sc.uniq(pred.get(t))
            r = sc.score_lists(gl, pl)
            tp_p, tp_g = r["loose"]
            for k, v in enumerate((tp_p, len(pl), tp_g, len(gl))):
                tot[t][k] += v
            names = {sc.tokens(n): n for n in pred.get(t, [])}
            gnames = {sc.tokens(n): n for n in gold.get(t, [])}
            for gt in gl:
                if not any(sc.loose(p, gt) for p in pl):
                    rows.append(("miss", t, i, gnames.get(gt, " ".join(gt))))
            for pt in pl:
                if not any(sc.loose(pt, gt) for gt in gl):
                    rows.append(("wrong", t, i, names.get(pt, " ".join(pt))))
    print(f"{title}: {len(ids)} documents, complete gold ({gold_dir})")
    print(f"  {'kind':<14}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    agg = [0, 0, 0, 0]
    for t, v in tot.items():
        p, r, f = prf(*v)
        print(f"  {t:<14}{v[3]:>6}{v[1]:>6}{p:7.3f}{r:7.3f}{f:7.3f}")
        agg = [a + b for a, b in zip(agg, v)]
    p, r, f = prf(*agg)
    print(f"  {'micro':<14}{agg[3]:>6}{agg[1]:>6}{p:7.3f}{r:7.3f}{f:7.3f}")
    if misses:
        for row in sorted(rows):
            print(*row, sep="\t")


def fold(s):
    import unicodedata
    s = unicodedata.normalize("NFD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def surname(s):
    words = [w for w in fold(s).replace(",", " ").split() if not w.endswith(".")]
    return words[-1] if words else ""


def score_partial(sc, frus: Path, memcon, jobs, misses, exclude, only, held_out=frozenset()):
    vols = sorted(d.name for d in frus.iterdir() if d.is_dir())
    vols = [v for v in vols if v not in exclude and (not only or v in only)]
    docs = [(v, g) for v in vols for g in sorted((frus / v).glob("*.gold.json"))]
    paths = [g.with_name(g.name[: -len(".gold.json")] + ".txt") for _, g in docs]
    results = extract_all(memcon, paths, jobs)
    per = {v: {"people": [0, 0], "places": [0, 0]} for v in vols}
    rows = []
    for (v, g), path in zip(docs, paths):
        gold = json.loads(g.read_text(encoding="utf-8"))
        ents = body_entities(results[path])
        names = {"places": [], "people": []}
        surnames = set()
        for e in ents:
            t = KINDS[e["kind"]]
            if t not in names:
                continue
            for n in [e["name"], *e["aliases"]]:
                names[t].append(sc.tokens(n))
                if t == "people":
                    surnames.add(surname(n))
        for g_name in gold.get("places", []):
            parts = [sc.tokens(p) for p in g_name.split(",")] + [sc.tokens(g_name)]
            ok = any(p and sc.loose(p, n) for p in parts for n in names["places"])
            per[v]["places"][0] += ok
            per[v]["places"][1] += 1
            if not ok and v not in held_out:
                rows.append(("miss", "place", f"{v}/{path.stem}", g_name))
        for g_name in gold.get("people", []):
            gt = sc.tokens(g_name)
            ok = any(gt and sc.loose(gt, n) for n in names["people"]) or surname(g_name) in surnames
            per[v]["people"][0] += ok
            per[v]["people"][1] += 1
            if not ok and v not in held_out:
                rows.append(("miss", "person", f"{v}/{path.stem}", g_name))
    print(f"partial tags: {len(docs)} documents in {len(vols)} volumes ({frus})")
    print(f"  {'volume':<29}{'people':>16}{'dateline places':>22}")
    groups = {"all": vols}
    if held_out & set(vols):
        groups["development"] = [v for v in vols if v not in held_out]
        groups["held out"] = [v for v in vols if v in held_out]

    def cells(vs):
        out = []
        for t in ("people", "places"):
            a, b = sum(per[v][t][0] for v in vs), sum(per[v][t][1] for v in vs)
            out.append(f"{a}/{b} = {a / b:.3f}" if b else "-")
        return out

    for v in vols:
        c = cells([v])
        mark = " (held out)" if v in held_out else ""
        print(f"  {v + mark:<29}{c[0]:>16}{c[1]:>22}")
    for name, vs in groups.items():
        c = cells(vs)
        print(f"  {name:<29}{c[0]:>16}{c[1]:>22}")
    if misses:
        for row in rows:
            print(*row, sep="\t")


def main():
    # `../shared` beside the repository (a worktree may sit one level deeper).
    shared = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
                   if p.is_dir()), ROOT.parent / "shared")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--memcon", default=str(ROOT / "target" / "release" / "memcon"))
    ap.add_argument("--dev", type=Path, default=shared / "corpus-dev")
    ap.add_argument("--frus", type=Path, default=shared / "corpus-frus")
    ap.add_argument("--fresh", type=Path)
    ap.add_argument("--shared", type=Path, default=shared)
    ap.add_argument("--held-out", default="frus1870,frus1934v05")
    ap.add_argument("--exclude", default="")
    ap.add_argument("--only", default="")
    ap.add_argument("--skip-dev", action="store_true")
    ap.add_argument("--skip-frus", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    if not Path(a.memcon).exists():
        sys.exit(f"eval-entities: {a.memcon}: no such file (cargo build --release first)")
    sc = load_scorer(a.shared)
    if not a.skip_dev:
        score_full(sc, "dev gold", a.dev, a.memcon, a.jobs, a.misses)
    if not a.skip_frus:
        split = lambda s: {v for v in s.split(",") if v}
        score_partial(sc, a.frus, a.memcon, a.jobs, a.misses, split(a.exclude), split(a.only),
                      split(a.held_out))
    if a.fresh:
        score_full(sc, "fresh reading", a.fresh, a.memcon, a.jobs, a.misses)


main()
