//! One package, two front ends: the explorer page in the browser, the `parallax` command natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    parallax::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    parallax::cli::main()
}
