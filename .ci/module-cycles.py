#!/usr/bin/env python3
"""Fail when two top-level modules of src/ depend on each other, directly or through others.

A module depends on another when the code of any of its files (not its comments or unit
tests) names `crate::<other>`. Run from anywhere:
`python3 .ci/module-cycles.py` prints the dependency graph and exits 1 on a cycle.
"""
import pathlib
import re
import sys

src = pathlib.Path(__file__).resolve().parent.parent / "src"
modules = {p.stem if p.is_file() else p.name for p in src.iterdir()
           if (p.suffix == ".rs" and p.stem not in ("lib", "main")) or p.is_dir()}
deps = {m: set() for m in modules}
for path in src.rglob("*.rs"):
    rel = path.relative_to(src)
    owner = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    if owner not in modules:
        continue
    text = path.read_text()
    # Tests may reach anywhere; only the code itself counts.
    text = re.split(r"#\[cfg\(test\)\]\s*mod tests", text)[0]
    # Comments may mention any module.
    text = re.sub(r"//.*", "", text)
    for m in re.findall(r"crate::(\w+)", text):
        if m in modules and m != owner:
            deps[owner].add(m)

def code(path):
    text = re.split(r"#\[cfg\(test\)\]\s*mod tests", path.read_text())[0]
    return re.sub(r"//.*", "", text)


# Inside each directory module, its children by `super::<child>` and `crate::<dir>::<child>`
# (items re-exported by the parent are not followed).
for pkg in sorted(p for p in src.iterdir() if p.is_dir()):
    kids = {q.stem if q.is_file() else q.name for q in pkg.iterdir()
            if (q.suffix == ".rs" and q.stem != "mod") or q.is_dir()}
    for kid in kids:
        deps[f"{pkg.name}::{kid}"] = set()
    for path in pkg.rglob("*.rs"):
        rel = path.relative_to(pkg)
        owner = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if owner not in kids:
            continue
        text = code(path)
        names = set(re.findall(rf"crate::{pkg.name}::(\w+)", text))
        if len(rel.parts) == 1:
            names |= set(re.findall(r"super::(\w+)", text))
            for group in re.findall(r"super::\{([^}]*)\}", text):
                names |= set(re.findall(r"\w+", group))
        for n in names & kids - {owner}:
            deps[f"{pkg.name}::{owner}"].add(f"{pkg.name}::{n}")
modules = set(deps)


def cycle_from(start):
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in deps[node]:
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None

for m in sorted(modules):
    print(f"{m:22} -> {', '.join(sorted(deps[m])) or '-'}")
cycles = {tuple(c) for m in modules if (c := cycle_from(m))}
for c in sorted(cycles):
    print("cycle: " + " -> ".join(c), file=sys.stderr)
sys.exit(1 if cycles else 0)
