#!/usr/bin/env bash
# Resident memory of the reader once a file is loaded: memcon runs in tmux at 80×24 until the
# status line no longer says `loading…` or `finding names…` (the time that took is printed
# too, wall clock, polled), settles for 3 s (the loader gives freed memory back), and its
# VmRSS and VmHWM (peak) are read from /proc. Several
# binaries take turns, RUNS rounds (default 3), so a before/after comparison shares the
# machine's state.
#
# Usage: benches/reader-memory.sh FILE [path/to/memcon ...]   (default: target/release/memcon)
# A 100 MB file: MEMCON_BENCH_WRITE=/tmp/memcon-100mb.txt cargo bench --bench parse
set -euo pipefail
cd "$(dirname "$0")/.."
file=$(realpath "$1")
shift
bins=("${@:-target/release/memcon}")
runs=${RUNS:-3}
size=$(stat -c %s "$file")
data=$(mktemp -d)
session="memcon-memory-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$data"' EXIT
echo "$file: $size bytes, $runs rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| binary | loaded in s | resident MB | × file | peak MB |"
echo "|---|---:|---:|---:|---:|"
for _ in $(seq "$runs"); do
    for bin in "${bins[@]}"; do
        bin=$(realpath "$bin")
        t0=$(date +%s%N)
        tmux new-session -d -s "$session" -x 80 -y 24 \
            "MEMCON_DATA_DIR='$data' exec '$bin' '$file'"
        deadline=$(($(date +%s) + 300))
        while :; do
            s=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
            # The text pane's title is drawn with the first frame.
            if grep -q 'Text' <<<"$s" && ! grep -q 'loading…\|finding names…' <<<"$s"; then
                break
            fi
            [ "$(date +%s)" -gt "$deadline" ] && { echo "$bin: never finished loading" >&2; exit 1; }
            sleep 0.1
        done
        t1=$(date +%s%N)
        sleep 3
        pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
        rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
        hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
        tmux kill-session -t "$session"
        awk -v b="$bin" -v r="$rss" -v h="$hwm" -v f="$size" -v t=$((t1 - t0)) 'BEGIN {
            printf "| %s | %.2f | %.1f | %.2f× | %.1f |\n", b, t / 1e9, r * 1024 / 1e6,
                r * 1024 / f, h * 1024 / 1e6 }'
    done
done
