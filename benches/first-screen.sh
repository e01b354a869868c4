#!/usr/bin/env bash
# memcon against less in tmux, as a person sees them: first screen, then key → screen for G, g,
# 50%, /word, n and a resize, on generated 1, 10 and 100 MB memos and the two one-line
# volumes in ../shared/big (when present). memcon and less take turns (memcon, less, memcon,
# less, ...), RUNS rounds each, every key three times a round; the medians and their ratio
# are printed.
#
# Usage: benches/first-screen.sh [path/to/memcon]   (default: target/release/memcon)
# Environment: RUNS (default 5), SIZES (MB of the generated files, default "1 10 100"),
#              BIG (directory of the one-line volumes, default ../shared/big).
#
# First screen: from starting the program until its first screen is drawn (memcon: its status
# line; less: the file's first words). A key: from sending it until the pane shows its effect
# (the screen changed and, after a search, no prompt is left). memcon is measured once its
# whole document and entities have arrived (the screen no longer says `loading…` or
# `finding names…`), so the keys see the whole document.
set -euo pipefail
cd "$(dirname "$0")/.."
memcon=$(realpath "${1:-target/release/memcon}")
runs=${RUNS:-5}
sizes=${SIZES:-1 10 100}
big=${BIG:-../shared/big}
memo=assets/harriman-soong-1945-07-03.txt
work=$(mktemp -d)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
session="perf-bench-$$"

now() { date +%s%N; }
screen() { tmux capture-pane -p -t "$session" 2>/dev/null || true; }

# Wait until the pane satisfies `$1` (a bash test on $s), at most $2 seconds (default 120);
# fails when it never does.
wait_for() {
    local s deadline=$(($(now) + ${2:-120} * 1000000000))
    while :; do
        s=$(screen)
        if eval "$1"; then return 0; fi
        if [ "$(now)" -gt "$deadline" ]; then return 1; fi
    done
}

# The bundled memo with its four body paragraphs repeated to $2 MB, each copy after a page
# marker `(p. N)` so that no two screens look alike.
generate() {
    local out=$1 size=$(($2 << 20))
    sed -n '1,/^Subject:/p' "$memo" >"$out"
    echo >>"$out"
    sed -n '/^One side light/,/^WAH$/p' "$memo" | sed '$d' |
        LC_ALL=C awk -v size="$size" '{ b = b $0 "\n" }
            END { while (total < size) { s = "(p. " ++n ")\n\n" b; printf "%s", s; total += length(s) } }' >>"$out"
    echo WAH >>"$out"
}

# Milliseconds from sending the keys to the pane showing their effect (see KEY_DONE), or `-`
# when nothing changes within 5 s (less cannot move inside a file's one line, say).
key() {
    local before t0
    # Each key starts from a quiet program: whatever the last one set going has settled.
    sleep 0.1
    before=$(screen)
    t0=$(now)
    tmux send-keys -t "$session" "$@"
    if wait_for "[ \"\$s\" != \"\$before\" ] && $KEY_DONE" 5; then
        echo $((($(now) - t0) / 1000000))
    else
        echo -
    fi
}

# Milliseconds from resizing the window to $1 columns until the pane is redrawn at that
# width, or `-`.
resize_to() {
    local before t
    sleep 0.1
    before=$(screen)
    t=$(now)
    tmux resize-window -t "$session" -x "$1" -y 24
    if wait_for "[ \"\$s\" != \"\$before\" ] && [ \"\$(wc -L <<<\"\$s\")\" -gt $(($1 - 10)) ]" 5; then
        echo $((($(now) - t) / 1000000))
    else
        echo -
    fi
}

# One round for program $1 (memcon|less) on file $2, searching for $3: lines of
# "measurement milliseconds", three of each key (first screen once).
round() {
    local prog=$1 file=$2 word=$3 t0 cmd ready
    tmux kill-session -t "$session" 2>/dev/null || true
    # tmux gives a new session the server's environment: set memcon's and less's here.
    if [ "$prog" = memcon ]; then
        cmd="env MEMCON_DATA_DIR=$work/data MEMCON_CONFIG_DIR=$work/config $memcon $file"
        ready='[[ "$s" == *"Text  ¶ "* ]]'
    else
        cmd="env LESS= LESSHISTFILE=- less $file"
        ready="[[ \"\$s\" == *\"$(head -c 200 "$file" | tr -d '*\r' | tr '\t\n' '  ' | awk '{print $1}')\"* ]]"
    fi
    t0=$(now)
    tmux new-session -d -s "$session" -x 80 -y 24 "$cmd"
    wait_for "$ready"
    echo "first $((($(now) - t0) / 1000000))"
    if [ "$prog" = memcon ]; then
        wait_for '[[ "$s" != *"loading…"* && "$s" != *"finding names…"* ]]'
    fi
    # Both show the search prompt on the last line while a search is typed and run.
    KEY_DONE='[[ "$(tail -n 1 <<<"$s")" != /* ]]'
    local _
    for _ in 1 2 3; do
        echo "G $(key G)"
        echo "g $(key g)"
        tmux send-keys -t "$session" 5 0
        sleep 0.05
        echo "50% $(key %)"
        tmux send-keys -t "$session" g
    done
    echo "search $(key "/$word" Enter)"
    for _ in 1 2 3; do echo "n $(key n)"; done
    for width in 100 80 100; do echo "resize $(resize_to "$width")"; done
    tmux send-keys -t "$session" q
    tmux kill-session -t "$session" 2>/dev/null || true
}

# The median of the numbers on standard input (`-` lines skipped; `-` when there are none).
median() {
    { grep -v -- '^-$' || true; } | sort -n |
        awk '{a[NR]=$1} END {if (!NR) print "-"; else print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}

measure() {
    local name=$1 file=$2 word=$3 r prog
    local -A results=()
    for r in $(seq 1 "$runs"); do
        for prog in memcon less; do
            results[$prog]+="$(round "$prog" "$file" "$word")"$'\n'
        done
    done
    printf '\n%s (%s bytes), %s rounds, load average %s\n' "$name" "$(stat -c %s "$file")" "$runs" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '| %-13s | %9s | %9s | %6s |\n' "ms (median)" memcon less ratio
    printf '|---|---:|---:|---:|\n'
    local key label m l
    for key in first G g 50% search n resize; do
        case $key in
            first) label="first screen" ;;
            search) label="/$word" ;;
            resize) label="resize 80↔100" ;;
            *) label=$key ;;
        esac
        m=$(awk -v k="$key" '$1 == k {print $2}' <<<"${results[memcon]}" | median)
        l=$(awk -v k="$key" '$1 == k {print $2}' <<<"${results[less]}" | median)
        printf '| %-13s | %9s | %9s | %6s |\n' "$label" "$m" "$l" \
            "$(awk -v a="$m" -v b="$l" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b}')"
    done
}

for mb in $sizes; do
    generate "$work/memo-$mb.txt" "$mb"
    measure "generated ${mb} MB" "$work/memo-$mb.txt" Kurile
done
for vol in "$big"/frus1945v03.txt "$big"/frus1946v05.txt; do
    if [ -f "$vol" ]; then
        measure "$(basename "$vol") (one line)" "$vol" Molotov
    else
        echo "($vol not found: set BIG to the directory of the one-line volumes)"
    fi
done
