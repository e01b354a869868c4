#!/usr/bin/env bash
# Build the fuzz seed corpora (fuzz/seeds/<target>/) and the dictionary (fuzz/gazetteer.dict).
# Seeds come from the shared samples and the bundled memo at run time; nothing here is
# committed. Usage: fuzz/seeds.sh   (MEMCON_SHARED=DIR if shared/ is not ../shared of the repo)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
shared=${MEMCON_SHARED:-$root/../shared}
samples=$shared/samples
rm -rf seeds
mkdir -p seeds/{load,extract,search,reader,bookmark_file,anchor,aliases}

texts=("$root/assets/harriman-soong-1945-07-03.txt")
if [ -d "$samples" ]; then
    texts+=("$samples"/*.txt)
else
    echo "seeds: no $samples (set MEMCON_SHARED); seeding from the bundled memo only" >&2
fi
for f in "${texts[@]}"; do
    name=$(basename "$f" .txt)
    for t in load extract search reader anchor; do
        cp "$f" "seeds/$t/$name"
    done
    # Short pieces too: fuzzing mutates small inputs faster than whole memos.
    head -c 2048 "$f" >"seeds/load/$name-head"
    tail -c 1024 "$f" >"seeds/extract/$name-tail"
done

# Bookmark files as memcon writes them: add bookmarks with notes in a scratch data directory.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
memcon=${CARGO_TARGET_DIR:-$root/target}/release/memcon
(cd "$root" && cargo build --release -q)
i=0
for f in "${texts[@]}"; do
    i=$((i + 1))
    MEMCON_DATA_DIR=$data "$memcon" bookmarks add "$f" --paragraph 1 --note "note $i: Dairen [Dalian]" >/dev/null 2>&1 || true
done
for j in "$data"/*.json; do
    [ -e "$j" ] && cp "$j" "seeds/bookmark_file/$(basename "$j")"
done

cat >seeds/aliases/example.toml <<'TOML'
hide = ["Joint Note"]

[[add]]
name = "Chiang Ching-kuo"
kind = "person"
aliases = ["CCK"]

[[merge]]
into = "Chiang Kai-shek"
names = ["Gimo", "Generalissimo Chiang"]
TOML
printf 'hide = ["Dairen"]\n' >seeds/aliases/hide.toml

# The dictionary: every name, alias and adjective of the gazetteer, and the header labels.
python3 - "$root/assets/gazetteer.toml" >gazetteer.dict <<'PY'
import re, sys
words = set()
for s in re.findall(r'"((?:[^"\\]|\\.)*)"', open(sys.argv[1], encoding="utf-8").read()):
    for w in re.split(r"[>|,;]", s):
        w = w.strip()
        if w:
            words.add(w)
words |= {"Title:", "Date:", "Citation:", "Summary:", "Credits:", "Original Archive:",
          "Original Language:", "Contents:", "Transcript - English", "Present:", "Subject:",
          "From:", "To:", "Footnotes:", "TOP SECRET", "Memcon", "(p. 1)", "[1]", " [", "]",
          "Mr. ", "W. A. ", "\n\n", "\r\n", "**"}
def quote(w):
    out = []
    for b in w.encode("utf-8"):
        c = chr(b)
        out.append(c if 32 <= b < 127 and c not in '"\\' else "\\x%02X" % b)
    return '"' + "".join(out) + '"'
for w in sorted(words):
    print(quote(w))
PY
echo "seeds: $(find seeds -type f | wc -l) files in fuzz/seeds/, $(wc -l <gazetteer.dict) words in fuzz/gazetteer.dict"
