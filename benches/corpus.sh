#!/usr/bin/env bash
# The collection's targets through the user's path, side by side with the peer, runs
# alternating: cold `memcon index` (time, MB/s, peak RSS), warm library first screen in tmux
# against `less` on one file, warm `memcon mentions` against `grep -rlw`; then the in-process
# bench (keys while indexing, entity selection, collection search).
# Usage: benches/corpus.sh [FOLDER] [RUNS]   (default ../shared/corpus-frus, 7 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus-frus}
runs=${2:-7}
memcon=target/release/memcon
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export MEMCON_CACHE_DIR=$tmp/cache MEMCON_DATA_DIR=$tmp/data MEMCON_CONFIG_DIR=$tmp/config
one=$(find "$dir" -name '*.txt' | sort | sed -n 1p)
echo "collection: $dir ($(find "$dir" -name '*.txt' | wc -l) .txt files, $(du -sh "$dir" | cut -f1)); runs: $runs"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

# Milliseconds until the tmux pane shows $2 after starting command $1.
first_screen() {
    local session="corpus-bench-$$-$RANDOM" start end
    start=$(date +%s%N)
    tmux new-session -d -s "$session" -x 100 -y 30 "$1"
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q -- "$2"; do sleep 0.002; done
    end=$(date +%s%N)
    tmux kill-session -t "$session"
    echo $(((end - start) / 1000000))
}

: >"$tmp/cold"; : >"$tmp/rss"
for _ in $(seq "$runs"); do
    rm -rf "$tmp/cache"
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$memcon" index "$dir" >"$tmp/out"
    read -r secs kb <"$tmp/t"
    echo "$secs" >>"$tmp/cold"; echo "$kb" >>"$tmp/rss"
done
mb=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
cold=$(median <"$tmp/cold")
echo "cold memcon index: median $cold s for $mb MB of text ($(awk -v m="$mb" -v s="$cold" 'BEGIN {printf "%.1f", m/s}') MB/s), peak RSS median $(($(median <"$tmp/rss") / 1024)) MB"
head -2 "$tmp/out"

"$memcon" index "$dir" >/dev/null
: >"$tmp/lib"; : >"$tmp/less"
for _ in $(seq "$runs"); do
    first_screen "$memcon $dir" "1861-" >>"$tmp/lib"
    first_screen "less $one" "Foreign Relations" >>"$tmp/less"
done
l=$(median <"$tmp/lib"); s=$(median <"$tmp/less")
echo "warm library first screen: memcon $l ms, less (one file) $s ms, ratio $(awk -v a="$l" -v b="$s" 'BEGIN {printf "%.2f", a/b}')"

: >"$tmp/m"; : >"$tmp/g"
for _ in $(seq "$runs"); do
    ms "$memcon" mentions "$dir" "Port Arthur" >>"$tmp/m"
    ms grep -rlw 'Port Arthur' "$dir" >>"$tmp/g"
done
m=$(median <"$tmp/m"); g=$(median <"$tmp/g")
echo "warm mentions \"Port Arthur\": memcon $m ms, grep -rlw $g ms, ratio $(awk -v a="$m" -v b="$g" 'BEGIN {printf "%.2f", a/b}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

cargo bench --quiet --bench corpus -- "$dir"
