//! Parse-and-link throughput on a generated corpus (run with `cargo bench -p parallax-engine`).
//!
//! Prints MB/s for the whole pipeline at several corpus sizes, and how linking time grows with
//! the number of claims, so a regression to all-pairs linking shows as a jump in the last column.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::Instant;

use parallax_engine::view::{select, SearchIndex, ViewState};
use parallax_engine::{build, synthetic, Input};

fn inputs(count: usize) -> (Vec<Input>, usize) {
    let inputs = synthetic::inputs(count, 2600, 42);
    let bytes = inputs.iter().map(|i| i.bytes.len()).sum();
    (inputs, bytes)
}

/// Counts live heap bytes while `COUNTING` is on, so the benchmark can say what a parsed corpus
/// holds in memory (off while timing: a shared counter would slow both cores' allocations).
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static COUNTING: AtomicBool = AtomicBool::new(false);

fn count(add: usize, sub: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        LIVE.fetch_add(add as isize - sub as isize, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size(), 0);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(0, layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size, layout.size());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The 240 real articles of `../shared/devset/basil/` (80 stories, each told by three outlets),
/// when the shared folder is there.
fn basil() -> Option<(Vec<Input>, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/devset/basil");
    let mut stories: Vec<_> = std::fs::read_dir(&root)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    stories.sort();
    let mut inputs = Vec::new();
    for story in stories.iter().filter(|p| p.is_dir()) {
        let (mut found, _) = parallax_engine::load::read_folder(story);
        for input in &mut found {
            let name = story.file_name().map(|n| n.to_string_lossy().into_owned());
            input.file = format!("{}/{}", name.unwrap_or_default(), input.file);
        }
        inputs.extend(found);
    }
    let bytes = inputs.iter().map(|i| i.bytes.len()).sum();
    Some((inputs, bytes))
}

/// Median seconds of `runs` builds of `make()`'s inputs, with the last corpus's claim and link
/// counts.
fn time_builds(runs: usize, make: impl Fn() -> Vec<Input>) -> (f64, usize, usize) {
    let mut times = Vec::new();
    let mut claims = 0;
    let mut links = 0;
    for _ in 0..runs {
        let input = make();
        let t = Instant::now();
        let corpus = build(input, Vec::new());
        times.push(t.elapsed().as_secs_f64());
        claims = corpus.claims.len();
        links = corpus.claims.iter().map(|c| c.related.len()).sum::<usize>() / 2;
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], claims, links)
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    println!("| articles | MB | claims | links | median s | MB/s | µs per claim |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for count in [250, 500, 1000, 2000] {
        let mb = inputs(count).1 as f64 / 1e6;
        let (median, claims, links) = time_builds(runs, || inputs(count).0);
        println!(
            "| {count} | {mb:.2} | {claims} | {links} | {median:.3} | {:.1} | {:.1} |",
            mb / median,
            median * 1e6 / claims as f64
        );
    }

    // Real reporting: the devset's 240 articles by Fox News, The New York Times and HuffPost.
    println!();
    match basil() {
        Some((input, bytes)) => {
            let mb = bytes as f64 / 1e6;
            let (median, claims, links) = time_builds(runs, || input.clone());
            println!("| real articles (devset basil) | MB | claims | links | median s | MB/s |");
            println!("|---|---:|---:|---:|---:|---:|");
            println!(
                "| {} | {mb:.2} | {claims} | {links} | {median:.3} | {:.1} |",
                input.len(),
                mb / median
            );
        }
        None => println!("(../shared/devset/basil is not here: the real-article row is skipped)"),
    }

    // What the parsed corpus holds in memory, beside the text it was read from.
    // Counted from before the articles are made: `build` consumes them, and what is left is
    // what the corpus holds.
    COUNTING.store(true, Ordering::Relaxed);
    let (input, bytes) = inputs(2000);
    let corpus = build(input, Vec::new());
    let held = LIVE.load(Ordering::Relaxed).max(0) as usize;
    COUNTING.store(false, Ordering::Relaxed);
    println!();
    println!(
        "Memory of the parsed corpus at 2,000 articles: {:.1} MB for {:.1} MB of text ({:.1}x)",
        held as f64 / 1e6,
        bytes as f64 / 1e6,
        held as f64 / bytes as f64
    );
    drop(corpus);

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
