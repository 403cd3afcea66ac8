//! `make bench`: the release page measured in headless Chromium, beside a baseline.
//!
//! The baseline is the same first page of claim cards written by the engine as plain HTML with the
//! page's stylesheet and no script (`share::static_cards_html`), so the ratio Parallax / baseline
//! is the figure that matters: absolute times move with the machine, the ratio much less. Corpus
//! sizes other than the seeds are given to the same build as articles carried in the page (the
//! island a saved page uses), so one build serves all three. Every navigation is a first visit:
//! HTTP cache disabled and the service worker bypassed.
//!
//! It runs only with `PARALLAX_BENCH=1` (set by `make bench`) and writes `target/page-bench.md`;
//! BENCHMARKS.md records a run with the reading of it.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;
use support::*;

/// Records, at the first animation frame that has a visible claim card, when it was (ms since
/// navigation): the frame that paints the first card; and at the first frame with the app's search
/// box, when the explorer became usable. Injected by DevTools, so the baseline page itself stays
/// script-free.
const FIRST_CARD_PROBE: &str = "(() => { const tick = () => { if (window.__firstCard === undefined) { const c = document.querySelector('.card'); if (c && c.getClientRects().length) window.__firstCard = performance.now(); } if (window.__ready === undefined && document.getElementById('search')) window.__ready = performance.now(); if (window.__firstCard === undefined || window.__ready === undefined) requestAnimationFrame(tick); }; requestAnimationFrame(tick); })();";

fn sizes(bytes: &[u8]) -> [usize; 3] {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    let gzip = gz.finish().map(|v| v.len()).unwrap_or(0);
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        let _ = w.write_all(bytes);
    }
    [bytes.len(), gzip, br.len()]
}

fn kb(n: usize) -> String {
    format!("{:.1}", n as f64 / 1000.0)
}

/// Median and range of `xs`, as "median (min–max)".
fn spread(xs: &mut [f64]) -> (f64, String) {
    xs.sort_by(f64::total_cmp);
    let median = xs[xs.len() / 2];
    (
        median,
        format!("{median:.0} ({:.0}–{:.0})", xs[0], xs[xs.len() - 1]),
    )
}

fn first_card(s: &Session, url: &str) -> f64 {
    s.cmd("POST", "/url", Some(json!({ "url": url })));
    probed(s, "__firstCard", url)
}

/// When the explorer on the page now loaded became usable (its search box was there).
fn ready(s: &Session, url: &str) -> f64 {
    probed(s, "__ready", url)
}

fn probed(s: &Session, name: &str, url: &str) -> f64 {
    let start = Instant::now();
    loop {
        let v = s.js(&format!(
            "return window.{name} === undefined ? null : window.{name}"
        ));
        if let Some(ms) = v.as_f64() {
            return ms;
        }
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "no {name} on {url}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn bench_session() -> Session {
    let s = Session::new(1280, 900);
    s.cdp("Network.enable", json!({}));
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
    s.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }));
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_CARD_PROBE }),
    );
    s
}

/// The build's files the page loads (not the service worker's later precache).
fn page_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dist/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // The page's own glue and wasm, not the article reader's worker, which a page
            // loads only when a reader opens articles.
            name == "index.html"
                || (name.starts_with("parallax-")
                    && (name.ends_with(".js") || name.ends_with("_bg.wasm")))
                || (name.starts_with("style-") && name.ends_with(".css"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn page_benchmark() {
    if std::env::var("PARALLAX_BENCH").as_deref() != Ok("1") {
        eprintln!("page benchmark skipped: run `make bench` (PARALLAX_BENCH=1)");
        return;
    }
    let reps: usize = std::env::var("PARALLAX_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let dist = dist();
    let index = std::fs::read_to_string(dist.join("index.html")).expect("dist/index.html");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The page's stylesheet (inlined into index.html by Trunk), for the baseline.
    let css = std::fs::read_to_string(root.join("style.css")).expect("style.css");

    let corpora: Vec<(&str, Option<Vec<parallax_engine::Input>>)> = vec![
        ("seeds (embedded)", None),
        (
            "500 generated",
            Some(parallax_engine::synthetic::inputs(500, 2600, 42)),
        ),
        (
            "2,000 generated",
            Some(parallax_engine::synthetic::inputs(2000, 2600, 42)),
        ),
    ];
    // PARALLAX_BENCH_CORPORA=seeds (a prefix of the names) measures fewer sizes, for a quick check.
    let only = std::env::var("PARALLAX_BENCH_CORPORA").unwrap_or_default();
    let corpora: Vec<_> = corpora
        .into_iter()
        .filter(|(name, _)| only.is_empty() || name.starts_with(only.as_str()))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "Repetitions: {reps} per cell, median (min–max); every load a first visit (cache off, service worker bypassed).\n\n"
    ));
    out.push_str("| corpus | CPU | page KB raw / gzip / brotli | baseline KB raw / gzip / brotli | first card ms: Parallax | baseline | ratio | usable ms | keystroke work p50 / p95 ms | painted p50 / p95 ms | JS heap MB | wasm memory MB |\n");
    out.push_str("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (name, inputs) in &corpora {
        let dir = std::env::temp_dir().join(format!(
            "parallax-bench-{}-{}",
            std::process::id(),
            name.split(' ').next().unwrap_or("x").replace(',', "")
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let corpus = match inputs {
            Some(inputs) => {
                let corpus = parallax_engine::build(inputs.clone(), Vec::new());
                let page = parallax_engine::share::page_with_articles(
                    &index,
                    inputs,
                    Some(&corpus),
                    env!("PARALLAX_BUILD_DATE"),
                )
                .unwrap();
                std::fs::write(dir.join("index.html"), page).unwrap();
                corpus
            }
            None => {
                std::fs::write(dir.join("index.html"), &index).unwrap();
                parallax_engine::build_from_folder(&root.join("seeds"))
            }
        };
        for f in page_files(&dist) {
            let name = f.file_name().unwrap();
            if name != "index.html" {
                std::fs::copy(&f, dir.join(name)).unwrap();
            }
        }
        let baseline = parallax_engine::share::static_cards_html(&corpus, 20, &css);
        std::fs::write(dir.join("baseline.html"), &baseline).unwrap();
        let mut page = [0usize; 3];
        for f in page_files(&dir) {
            let s = sizes(&std::fs::read(&f).unwrap());
            for k in 0..3 {
                page[k] += s[k];
            }
        }
        let base = sizes(baseline.as_bytes());
        let url = static_server(dir.clone());

        for rate in [1, 4] {
            let s = bench_session();
            s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }));
            let mut app = Vec::new();
            let mut usable = Vec::new();
            let mut plain = Vec::new();
            for rep in 0..reps {
                let address = format!("{url}/index.html?rep={rep}#tab=claims");
                app.push(first_card(&s, &address));
                usable.push(ready(&s, &address));
                plain.push(first_card(&s, &format!("{url}/baseline.html?rep={rep}")));
            }
            let (app_median, app_text) = spread(&mut app);
            let (_, usable_text) = spread(&mut usable);
            let (plain_median, plain_text) = spread(&mut plain);
            // Memory and typing on a loaded page.
            let address = format!("{url}/index.html?rep=last#tab=claims");
            first_card(&s, &address);
            ready(&s, &address);
            let heap = s.cdp("Runtime.getHeapUsage", json!({}));
            let wasm =
                s.js("return window.wasmBindings ? window.wasmBindings.wasm_memory_bytes() : null");
            let typed = s.type_queries();
            let line = format!(
                "| {name} | {rate}x | {} / {} / {} | {} / {} / {} | {app_text} | {plain_text} | {:.2} | {usable_text} | {:.1} / {:.1} | {:.1} / {:.1} | {:.1} | {:.1} |\n",
                kb(page[0]),
                kb(page[1]),
                kb(page[2]),
                kb(base[0]),
                kb(base[1]),
                kb(base[2]),
                app_median / plain_median,
                typed["work50"].as_f64().unwrap_or(f64::NAN),
                typed["work95"].as_f64().unwrap_or(f64::NAN),
                typed["frame50"].as_f64().unwrap_or(f64::NAN),
                typed["frame95"].as_f64().unwrap_or(f64::NAN),
                heap["usedSize"].as_f64().unwrap_or(f64::NAN) / 1e6,
                wasm.as_f64().unwrap_or(f64::NAN) / 1e6,
            );
            print!("{line}");
            out.push_str(&line);
            assert!(typed["n"].as_u64().unwrap_or(0) >= 200, "{typed}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    // The single offline file, from disk.
    let single = dist.join("parallax.html");
    let bytes = std::fs::read(&single).expect("dist/parallax.html");
    let [raw, gzip, br] = sizes(&bytes);
    let s = bench_session();
    let mut times = Vec::new();
    let mut usable = Vec::new();
    for rep in 0..reps {
        let page = format!("file://{}?rep={rep}#tab=claims", single.display());
        times.push(first_card(&s, &page));
        usable.push(ready(&s, &page));
    }
    let (_, text) = spread(&mut times);
    let (_, usable_text) = spread(&mut usable);
    let line = format!(
        "\nSingle offline file (seeds): {} KB raw, {} KB gzip, {} KB brotli; from file:// at 1x, first card {text} ms, usable {usable_text} ms.\n",
        kb(raw),
        kb(gzip),
        kb(br)
    );
    print!("{line}");
    out.push_str(&line);
    let target = root.join("target");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("page-bench.md"), out).unwrap();
}
