//! The `parallax export` command as other tools use it: JSON on stdout, diagnostics on stderr,
//! a non-zero exit only when nothing at all could be read.

use std::path::PathBuf;
use std::process::Command;

fn parallax(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run parallax");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn export_defaults_to_the_seeds() {
    let (code, stdout, stderr) = parallax(&["export"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert_eq!(v["documents"][0]["outlet"], "The Palestine Chronicle");
    assert!(v["claims"].as_array().unwrap().len() > 150);
    assert!(stderr.contains("5 documents"), "{stderr}");
}

#[test]
fn bad_files_are_reported_and_the_rest_exported() {
    let dir = temp_dir("mixed");
    std::fs::write(dir.join("broken.txt"), b"\xff\xfe\x00\x00").unwrap();
    std::fs::write(
        dir.join("ok.txt"),
        "Talks resume\n\nNegotiators met in Amman on Monday, officials said.\n",
    )
    .unwrap();
    let (code, stdout, stderr) = parallax(&["export", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("error: broken.txt: UTF-16 text is not supported"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["documents"][0]["title"], "Talks resume");
    assert_eq!(v["diagnostics"][0]["file"], "broken.txt");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nothing_readable_is_a_failure() {
    let dir = temp_dir("nothing");
    let (code, _, stderr) = parallax(&["export", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no article files"), "{stderr}");
    assert!(stderr.contains("nothing could be read"), "{stderr}");
    let (code, _, stderr) = parallax(&["export", "no/such/folder"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not a folder"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_commands_explain_the_usage() {
    let (code, _, stderr) = parallax(&["exprot"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown command 'exprot'") && stderr.contains("usage: parallax export"),
        "{stderr}"
    );
}
