#!/usr/bin/env bash
# Peak memory and time of memcon on a big bookmarks file: `bookmarks list` (reads it) and
# `bookmarks add` (reads, merges and writes it), each on a fresh copy, three runs, median.
#
#   benches/bookmarks-memory.sh [MEMCON_BINARY] [MEGABYTES]
#
# Defaults: target/release/memcon, 50 MB; SHAPES="full small" (see gen-bookmarks.py). Needs
# python3 and GNU time (/usr/bin/time).
# Results are recorded in docs/bookmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/memcon}
mb=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
doc=assets/harriman-soong-1945-07-03.txt

for shape in ${SHAPES:-full small}; do
    python3 benches/gen-bookmarks.py "$mb" "$work/$shape.json" "$shape" 2>/dev/null
    size=$(stat -c %s "$work/$shape.json")
    for cmd in list add; do
        rss=() secs=()
        for _ in 1 2 3; do
            rm -rf "$work/data"
            mkdir "$work/data"
            cp "$work/$shape.json" "$work/data/bookmarks.json"
            case $cmd in
                list) args=(bookmarks list) ;;
                add) args=(bookmarks add "$doc" --paragraph 1 --note measured) ;;
            esac
            MEMCON_DATA_DIR=$work/data /usr/bin/time -f '%M %e' -o "$work/time" \
                "$bin" "${args[@]}" >/dev/null 2>"$work/err" || {
                cat "$work/err" >&2
                exit 1
            }
            read -r kb s <"$work/time"
            rss+=("$kb") secs+=("$s")
        done
        med_rss=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p)
        med_s=$(printf '%s\n' "${secs[@]}" | sort -n | sed -n 2p)
        printf '%-5s %4d MB  %-4s  peak RSS %5d MB  %6.2f s\n' \
            "$shape" $((size / 1000000)) "$cmd" $((med_rss / 1024)) "$med_s"
    done
done
