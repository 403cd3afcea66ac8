//! Parse-and-link throughput on a generated corpus (run with `cargo bench -p parallax-engine`).
//!
//! Prints MB/s for the whole pipeline at several corpus sizes, and how linking time grows with
//! the number of claims, so a regression to all-pairs linking shows as a jump in the last column.

use std::time::Instant;

use parallax_engine::view::{select, SearchIndex, ViewState};
use parallax_engine::{build, synthetic, Input};

fn inputs(count: usize) -> (Vec<Input>, usize) {
    let inputs = synthetic::inputs(count, 2600, 42);
    let bytes = inputs.iter().map(|i| i.bytes.len()).sum();
    (inputs, bytes)
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    println!("| articles | MB | claims | links | median s | MB/s | µs per claim |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for count in [250, 500, 1000, 2000] {
        let mut times = Vec::new();
        let mut claims = 0;
        let mut links = 0;
        let mut mb = 0.0;
        for _ in 0..runs {
            let (input, bytes) = inputs(count);
            mb = bytes as f64 / 1e6;
            let t = Instant::now();
            let corpus = build(input, Vec::new());
            times.push(t.elapsed().as_secs_f64());
            claims = corpus.claims.len();
            links = corpus.claims.iter().map(|c| c.related.len()).sum::<usize>() / 2;
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!(
            "| {count} | {mb:.2} | {claims} | {links} | {median:.3} | {:.1} | {:.1} |",
            mb / median,
            median * 1e6 / claims as f64
        );
    }

    // What one keystroke in the search box costs the engine: every prefix of some queries.
    println!();
    println!("| articles | claims | index ms | keystrokes | select p50 ms | select p95 ms |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for count in [500, 2000] {
        let corpus = build(inputs(count).0, Vec::new());
        let t = Instant::now();
        let index = SearchIndex::new(&corpus);
        let index_ms = t.elapsed().as_secs_f64() * 1e3;
        let mut times = Vec::new();
        for q in [
            "minister said",
            "agreement",
            "per cent of voters",
            "talks in paris",
            "security",
        ] {
            for n in 1..=q.len() {
                let state = ViewState {
                    query: q[..n].to_string(),
                    ..ViewState::default()
                };
                let t = Instant::now();
                let s = select(&corpus, &index, &state);
                times.push(t.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box(s);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| {count} | {} | {index_ms:.1} | {} | {:.2} | {:.2} |",
            corpus.claims.len(),
            times.len(),
            times[times.len() / 2],
            times[times.len() * 95 / 100]
        );
    }
}
