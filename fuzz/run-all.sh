#!/usr/bin/env bash
# Run every fuzz target (or those named) for SECONDS each, one after another, and print a line
# per target: executions, corpus size, and findings (crash/oom/timeout files in
# fuzz/artifacts/<target>/ new in this run). Needs nightly and cargo-fuzz (docs/robustness.md).
# Usage: fuzz/run-all.sh SECONDS [target ...]     e.g. fuzz/run-all.sh 600
# (FUZZ_SANITIZER=address for AddressSanitizer; MEMCON_SHARED=DIR if shared/ is elsewhere.)
# Seeds and the dictionary are (re)built by fuzz/seeds.sh first; the corpus grows in
# fuzz/corpus/<target>/. Logs: fuzz/logs/<target>.log. Exit status 1 when anything was found.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:?usage: fuzz/run-all.sh SECONDS [target ...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load extract search reader bookmark_file anchor aliases)
./seeds.sh
# Build once, then run the binaries: a source edit during a long run cannot trigger a rebuild.
# No sanitizer by default: the code the targets reach has no `unsafe` (only the terminal guard
# does), and AddressSanitizer costs several times the executions. FUZZ_SANITIZER=address to
# use it anyway.
cargo +nightly fuzz build -O -s "${FUZZ_SANITIZER:-none}"
bin=target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release
mkdir -p logs
found_any=0
printf '%-14s %8s %14s %10s %8s  %s\n' target seconds executions exec/s corpus findings
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    before=$(find "artifacts/$t" -type f | sort)
    start=$(date +%s)
    # -timeout: one input taking 10 s is a finding; -rss_limit_mb: so is 2 GB of memory.
    "$bin/$t" "corpus/$t" "seeds/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$secs" -dict=gazetteer.dict -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"logs/$t.log" 2>&1 || true
    took=$(($(date +%s) - start))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    after=$(find "artifacts/$t" -type f | sort)
    new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')
    count=$(echo -n "$new" | grep -c . || true)
    [ "$count" -eq 0 ] || found_any=1
    printf '%-14s %8s %14s %10s %8s  %s\n' "$t" "$took" "${runs:-?}" "${rate:-?}" \
        "$(find "corpus/$t" -type f | wc -l)" "$count${new:+ ($(echo $new))}"
done
exit $found_any
