#!/usr/bin/env bash
# The real-corpus sweep: every document of ../shared/corpus-frus and ../shared/corpus-dev
# through load, extraction, searches, the first screen at 80x24 and 40x12 and bookmark
# anchoring, on every core (examples/sweep.rs). Lists failures; exit status 1 if any.
# Usage: benches/sweep.sh [DIR...]   (default: the two corpora; MEMCON_SHARED=DIR moves shared/)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MEMCON_SHARED:-../shared}
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
    for d in "$shared/corpus-frus" "$shared/corpus-dev"; do
        [ -d "$d" ] && dirs+=("$d")
    done
fi
if [ ${#dirs[@]} -eq 0 ]; then
    echo "sweep: no corpus under $shared (set MEMCON_SHARED or name directories)" >&2
    exit 2
fi
# Through cargo, so the binary is found wherever the target directory is (CARGO_TARGET_DIR).
exec cargo run --release -q --example sweep -- "${dirs[@]}"
