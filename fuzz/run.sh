#!/usr/bin/env bash
# Runs every fuzz target of dxer for a bounded time, then minimises its corpus into corpus/<target>/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      # default: 600 s each, targets validate cpsv_import jsonld_contexts locate calendar workflow
#
# Needs the nightly toolchain and cargo-fuzz (`rustup toolchain install nightly`, `cargo install cargo-fuzz`).
# Each target starts from its corpus (corpus/<target>/, made by earlier runs on this machine: it is not in
# git) plus seeds: the seeds kept in git (seeds/<target>/, a sample of earlier minimised corpora); the
# conformance fixtures for `validate`; the CPSV-AP exports of the valid fixtures (whole, and without
# `dxer:record`) and the official CPSV-AP example (tests/vendor/cpsv-ap-3.2.0) for `cpsv_import`; nested-context
# documents and chains for `jsonld_contexts` and pointer-and-text inputs for `locate` are seeds in git. New inputs go to work/<target>/;
# after the run, `cargo fuzz cmin` minimises it, and what it keeps apart from the seeds (which every run
# regenerates) replaces corpus/<target>/, kept under MAX_CORPUS_BYTES (default 2 MB) by dropping the
# largest entries. A crash, a timeout (an input taking more
# than 10 s) or an out-of-memory (more than 2 GB) stops that target, leaves the input in
# artifacts/<target>/ and makes the script exit 1 after the other targets have run; reproduce it with
# `cargo +nightly fuzz run -s none <target> artifacts/<target>/<file>`, then add it to
# core/tests/robustness.rs and fix it.
#
# Builds are optimised, with debug assertions and overflow checks, without a sanitizer (dxer forbids
# unsafe code; without AddressSanitizer the targets run about twice as fast). Not run in CI.
set -uo pipefail
cd "$(dirname "$0")"
FUZZ="$(pwd)"
ROOT="$(cd .. && pwd)"
SECONDS_EACH="${1:-600}"
shift || true
if [ "$#" -gt 0 ]; then TARGETS=("$@"); else TARGETS=(validate cpsv_import jsonld_contexts locate calendar workflow); fi
MAX_CORPUS_BYTES="${MAX_CORPUS_BYTES:-2000000}"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
FLAGS=(--sanitizer none) # the same for build, run and cmin, or cargo fuzz rebuilds

step() { printf '\n==> %s\n' "$*"; }

step "build (cargo +nightly fuzz build ${FLAGS[*]})"
cargo +nightly fuzz build "${FLAGS[@]}" || exit 2

seed_validate() {
    local dir="$1" f case
    for f in "$ROOT"/tests/fixtures/{valid,invalid}/*/input.*; do
        case="$(basename "$(dirname "$f")")"
        cp "$f" "$dir/seed-$case.${f##*.}"
    done
}

seed_cpsv_import() {
    local dir="$1" tmp
    tmp="$(mktemp -d)"
    (cd "$ROOT" && cargo run -q --locked -p dxer --example export_cpsv -- "$tmp" tests/fixtures/valid/*/input.json) \
        > /dev/null || { echo "export_cpsv failed: cpsv_import starts from its kept corpus only"; rm -rf "$tmp"; return; }
    for f in "$tmp"/*.jsonld; do
        cp "$f" "$dir/seed-$(basename "$f")"
        # The same without dxer:record: an import from the CPSV-AP triples alone.
        python3 -c 'import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "dxer:record"}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(open(sys.argv[1], encoding="utf-8"))), ensure_ascii=False, indent=1))' \
            "$f" > "$dir/seed-triples-$(basename "$f")" || rm -f "$dir/seed-triples-$(basename "$f")"
    done
    rm -rf "$tmp"
    local official="$ROOT/tests/vendor/cpsv-ap-3.2.0/example-rdf_public_service.jsonld"
    [ -f "$official" ] && cp "$official" "$dir/seed-official-example.jsonld"
}

# Keeps a corpus under MAX_CORPUS_BYTES by dropping its largest entries.
trim_corpus() {
    local dir="$1" total size f
    total="$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
    [ "$total" -le "$MAX_CORPUS_BYTES" ] && return
    echo "corpus $dir is $total bytes: dropping its largest entries to stay under $MAX_CORPUS_BYTES"
    while [ "$total" -gt "$MAX_CORPUS_BYTES" ]; do
        read -r size f < <(find "$dir" -type f -printf '%s %p\n' | sort -rn | head -1)
        rm -f "$f"
        total=$((total - size))
    done
}

declare -A RESULT
failed=0
for t in "${TARGETS[@]}"; do
    step "$t: fuzzing for $SECONDS_EACH s"
    work="$FUZZ/work/$t"
    rm -rf "$work"
    mkdir -p "$work" "$FUZZ/corpus/$t" "$FUZZ/artifacts/$t"
    cp -r "$FUZZ/corpus/$t/." "$work/"
    seeds="$FUZZ/work/$t.seeds"
    : > "$seeds"
    if [ -d "$FUZZ/seeds/$t" ]; then
        for f in "$FUZZ/seeds/$t"/*; do cp "$f" "$work/seed-kept-$(basename "$f")"; done
    fi
    if declare -F "seed_$t" > /dev/null; then
        "seed_$t" "$work"
    fi
    # libFuzzer names corpus files by the SHA-1 of their content: remember the seeds' names, so that the
    # corpus holds only what the fuzzer found (the seeds are in git or regenerated on every run).
    find "$work" -name 'seed-*' -type f -exec sha1sum {} + | cut -d' ' -f1 > "$seeds"
    args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    [ -f "$FUZZ/dict/$t.dict" ] && args+=(-dict="$FUZZ/dict/$t.dict")
    log="$FUZZ/work/$t.log"
    cargo +nightly fuzz run "${FLAGS[@]}" "$t" "$work" -- "${args[@]}" > "$log" 2>&1
    rc=$?
    # The last status line ("#N DONE cov: ... ft: ... corp: ...") and the final statistics.
    done_line="$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)"
    execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
    grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|Done [0-9]+ runs)' "$log"
    if [ "$rc" -ne 0 ]; then
        failed=1
        echo "!! $t stopped with exit code $rc: see $log and artifacts/$t/"
        grep -E '^(==[0-9]+== ERROR|thread .* panicked|ERROR: libFuzzer|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -20
        RESULT[$t]="FAILED (exit $rc), execs ${execs:-?}; $done_line"
    else
        RESULT[$t]="ok, execs ${execs:-?}; $done_line"
    fi

    step "$t: minimising the corpus (cargo fuzz cmin)"
    if cargo +nightly fuzz cmin "${FLAGS[@]}" "$t" "$work" > "$FUZZ/work/$t.cmin.log" 2>&1; then
        rm -rf "$FUZZ/corpus/$t"
        mkdir -p "$FUZZ/corpus/$t"
        find "$work" -maxdepth 1 -type f -printf '%f\n' | grep -vxFf "$seeds" | while read -r f; do
            cp "$work/$f" "$FUZZ/corpus/$t/"
        done
        trim_corpus "$FUZZ/corpus/$t"
        echo "corpus/$t: $(find "$work" -type f | wc -l) inputs after cmin, $(wc -l < "$seeds") of them seeds;" \
            "kept $(find "$FUZZ/corpus/$t" -type f | wc -l) files, $(du -sh --apparent-size "$FUZZ/corpus/$t" | cut -f1)"
    else
        echo "!! cmin failed (see work/$t.cmin.log): corpus/$t left as it was"
        failed=1
    fi
done

step "summary ($SECONDS_EACH s per target)"
for t in "${TARGETS[@]}"; do
    echo "$t: ${RESULT[$t]}"
done
exit "$failed"
