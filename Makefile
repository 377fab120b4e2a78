# dxer's task runner: `make help` lists the recipes. Installing (`setup`) is separate from testing; the
# README's test command, scripts/test-all (what .ci/run runs), is `make setup ci`.
#
# Every recipe shares one target directory and the dev profile where it can: lint, the Rust tests, the
# SHACL export and the main job reuse one debug build; the wheel and the WebAssembly package are the only
# optimised builds.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO ?= cargo
export CARGO_TERM_COLOR ?= never
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup lint fmt test-rust shacl test-python test-wasm run ci bless fuzz bench bench-quick release-check demo

help: ## This list.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  make %-13s %s\n", $$1, $$2 }'

setup: ## Install the toolchains and packages (wasm32 target, venvs, wasm-bindgen-cli, npm, chromium).
	./scripts/setup

lint: ## rustfmt --check and clippy -D warnings over the workspace.
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt: ## Format the Rust code.
	$(CARGO) fmt --all

# The benchmark binaries compile and run once in quick mode (not the lib's tests a second time);
# `--workspace` keeps the features of the test build, so nothing is compiled twice.
test-rust: ## Rust tests: unit, conformance fixtures, robustness, workflow, registry, CLI, doc examples; benches once.
	$(CARGO) test --workspace --locked
	$(CARGO) test --workspace --locked --bench validate --bench registry --bench registry_cli

shacl: ## CPSV-AP exports of the fixtures and examples conform to the official SHACL shapes (pySHACL).
	./scripts/check-shacl

test-python: ## Build the wheel; pytest, stubtest, mypy --strict.
	./scripts/test-python

test-wasm: ## Build the WebAssembly package; Node tests and the demo page in headless Chromium.
	./scripts/test-wasm

# The command as the Rust tests build it (`--no-run`: nothing to do after test-rust; a plain `cargo build`
# would compile the library again with the features of a build without tests).
run: ## The main job: validate the example records (exit 1 expected: some are defective on purpose).
	$(CARGO) test -q --locked --workspace --no-run
	@set +e; "$${CARGO_TARGET_DIR:-target}/debug/dxer" validate examples/records/ > /dev/null; rc=$$?; \
	  [ "$$rc" -eq 1 ] || { echo "main job: expected exit code 1 (defective examples), got $$rc"; exit 1; }; \
	  echo "main job: exit code 1 as expected (the defective examples are reported)"

ci: ## Every test, in the order CI runs them (after `make setup`).
	./scripts/ci

bless: ## Regenerate the published schemas, docs/rules.md and other blessed outputs.
	DXER_BLESS=1 $(CARGO) test -p dxer --locked --test schemas --test catalogue

fuzz: ## Fuzz one target for a minute: make fuzz TARGET=validate [SECONDS=60] (nightly + cargo-fuzz).
	./fuzz/run.sh $(or $(SECONDS),60) $(or $(TARGET),$(error give TARGET=validate|cpsv_import|jsonld_contexts|locate|calendar|workflow))

bench: ## Every benchmark with its peers, full length (benches/run-all).
	./benches/run-all

bench-quick: ## Every benchmark briefly, to check the benchmark scripts themselves.
	./benches/run-all --quick

release-check: ## Everything a release does but the upload: crates dry run, sdist contents, one version and URL.
	./scripts/release-check $(if $(CI),,--allow-dirty)

demo: ## Serve the demo page on http://localhost:8000/.
	./scripts/demo
