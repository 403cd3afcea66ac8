//! Builds a generated corpus once, for profilers: `cargo run --release --example profile_build -- 300`.
fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    let inputs = parallax_engine::synthetic::corpus(count, 2600, 42)
        .into_iter()
        .map(|(file, text)| parallax_engine::Input {
            file,
            bytes: text.into_bytes(),
        })
        .collect();
    let t = std::time::Instant::now();
    let corpus = parallax_engine::build(inputs, Vec::new());
    eprintln!(
        "{} claims in {:.3}s",
        corpus.claims.len(),
        t.elapsed().as_secs_f64()
    );
}
