#!/usr/bin/env bash
# Builds the WebAssembly package under several build profiles and prints size and speed of each
# (benches/README.md, "WebAssembly"). Slow: every variant rebuilds all crates (about 4-5 minutes each on
# 2 cores). Variants build in target/wasm-variants so the package's own build is left alone.
#   benches/wasm/profiles.sh [variant...]     (default: all)
set -uo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="$PWD/target/wasm-variants"
out=target/wasm-variants/results.jsonl

# Crates used only while the schema is compiled (once per page), not while a record is validated.
COLD='regex-syntax referencing fluent-uri data-encoding num-bigint num-rational num-complex num-integer
  fraction email_address bit-set bit-vec uuid-simd outref chrono'
# Crates on the validation path of every record.
HOT='dxer dxer-wasm jsonschema jsonschema-value serde_json serde_core hashbrown regex-automata fancy-regex memchr ahash'
hot_args() {
  local args="" c
  for c in $HOT; do args+=" --config 'profile.wasm-release.package.\"$c\".opt-level=$1'"; done
  echo "$args"
}
cold_args() {
  local args="" c
  for c in $COLD; do args+=" --config 'profile.wasm-release.package.\"$c\".opt-level=\"$1\"'"; done
  echo "$args"
}

variant() {
  local name=$1 opt=$2 args=$3 features=${4:-}
  echo "=== $name: wasm-opt $opt, cargo $args ${features:+features $features}"
  if ! DXER_WASM_OUT="target/wasm-variants/pkg-$name" DXER_WASM_OPT="$opt" DXER_WASM_CARGO_ARGS="$args" \
    DXER_WASM_FEATURES="$features" ./scripts/build-wasm > "target/wasm-variants/build-$name.log" 2>&1; then
    echo "build failed: see target/wasm-variants/build-$name.log"; failed=1; return
  fi
  node benches/wasm/node-speed.mjs "target/wasm-variants/pkg-$name" --no-ajv --rounds 5 --warm-ms 500 | sed "s/^{/{\"variant\":\"$name\",/" | tee -a "$out"
}

mkdir -p target/wasm-variants
failed=0
all=(o3 o3-oz os oz o3-nolto o3-coldz os-hot3)
for v in "${@:-${all[@]}}"; do
  case $v in
    o3) variant o3 -O3 "" ;;                                     # the package's profile
    o3-oz) variant o3-oz -Oz "" ;;                               # same code, wasm-opt for size
    os) variant os -Os "--config 'profile.wasm-release.opt-level=\"s\"'" ;;
    oz) variant oz -Oz "--config 'profile.wasm-release.opt-level=\"z\"'" ;;
    o3-nolto) variant o3-nolto -O3 "--config 'profile.wasm-release.lto=false' --config 'profile.wasm-release.codegen-units=16'" ;;
    o3-coldz) variant o3-coldz -O3 "--config 'profile.wasm-release.lto=\"thin\"' $(cold_args z)" ;;
    os-hot3) variant os-hot3 -O3 "--config 'profile.wasm-release.opt-level=\"s\"' $(hot_args 3)" ;;
    *) echo "unknown variant $v"; exit 2 ;;
  esac
done
exit $failed
