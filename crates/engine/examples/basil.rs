fn main() {
    let dir = std::path::Path::new("/tmp/basil-flat");
    let (inputs, _) = parallax_engine::load::read_folder(dir);
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let mut b = parallax_engine::corpus::Builder::new(inputs.clone(), Vec::new());
        b.parse_next(usize::MAX);
        let p = t.elapsed().as_secs_f64();
        let c = b.finish();
        println!(
            "parse {:.3} rest {:.3} ({} claims)",
            p,
            t.elapsed().as_secs_f64() - p,
            c.claims.len()
        );
    }
}
