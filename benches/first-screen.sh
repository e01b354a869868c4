#!/usr/bin/env bash
# First screen of a generated 10 MB memo in tmux at 80x24: memcon against less.
# Usage: benches/first-screen.sh [path/to/memcon]   (default: target/release/memcon)
# Prints milliseconds from starting the program to its first screen, best of 5 runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
memcon=${1:-target/release/memcon}
memo=assets/harriman-soong-1945-07-03.txt
file=$(mktemp --suffix=.txt)
trap 'rm -f "$file"' EXIT

# The bundled memo with its body paragraphs repeated to 10 MB (same recipe as benches/render.rs).
body=$(sed -n '/^One side light/,/Kurile Islands\.$/p' "$memo")
{
    sed -n '1,/^Subject:/p' "$memo"
    echo
    chunk=$(for _ in $(seq 1 64); do printf '%s\n\n' "$body"; done)
    while [ "$(stat -c %s "$file")" -lt $((10 << 20)) ]; do printf '%s\n\n' "$chunk" >>"$file"; done
} >>"$file"
echo WAH >>"$file"

# Milliseconds until the tmux pane shows $2 after starting command $1.
first_screen() {
    local session="fs-$$-$RANDOM" start end
    start=$(date +%s%N)
    tmux new-session -d -s "$session" -x 80 -y 24 "$1"
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "$2"; do sleep 0.002; done
    end=$(date +%s%N)
    tmux kill-session -t "$session"
    echo $(((end - start) / 1000000))
}

best() {
    local b=999999 t
    for _ in 1 2 3 4 5; do
        t=$(first_screen "$1" "$2")
        [ "$t" -lt "$b" ] && b=$t
    done
    echo "$b"
}

echo "file: $(stat -c %s "$file") bytes"
echo "less:   $(best "less $file" 'Wilson') ms"
echo "memcon: $(best "$memcon $file" 'Body  ¶ ') ms"
