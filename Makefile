# Parallax. `make test` and `make serve` are the two entry points (see README.md); every target
# installs what it needs and skips what is already installed.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
CORPUS ?= seeds
WASM_TARGET := wasm32-unknown-unknown

.PHONY: test serve export bench setup-rust

## Run every test: format, lints, unit and integration tests, and the engine's wasm32 build.
test: setup-rust
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo build -p parallax-engine --target $(WASM_TARGET)
	@mkdir -p target
	cargo test --workspace --lib --bins --tests 2>&1 | tee target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} END {printf "%d passed, %d failed\n", p, f}' target/test.log

## The explorer page is issue #3; until it lands there is nothing to serve.
serve:
	@echo "make serve: the explorer page is not built yet (issue #3)." >&2
	@echo "Until then, 'make export' writes the corpus the page will show (corpus.json)." >&2
	@exit 2

## Export the corpus of CORPUS (default seeds/) as pretty JSON to corpus.json.
export:
	cargo run --release -q -- export $(CORPUS) --pretty > corpus.json
	@echo "wrote corpus.json from $(CORPUS)"

## Parse-and-link throughput on a generated corpus (numbers go in README.md).
bench:
	cargo bench -p parallax-engine --bench throughput

setup-rust:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
