//! What the browser tests and the page benchmark share: a static server for `dist/`, a minimal
//! WebDriver client for chromedriver, and a headless Chromium session. Std only (plus
//! serde_json), so nothing is downloaded to drive the browser.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub fn enabled() -> bool {
    if std::env::var("PARALLAX_BROWSER").as_deref() == Ok("1") {
        return true;
    }
    eprintln!(
        "browser tests skipped: set PARALLAX_BROWSER=1 (make test does) after building dist/"
    );
    false
}

pub fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

// ---------------------------------------------------------------- a static server for dist/

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") | Some("webmanifest") => "application/json",
        _ => "application/octet-stream",
    }
}

pub fn serve_one(mut stream: TcpStream, root: &Path, prefix: &str) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader
            .read_line(&mut header)
            .map(|n| n == 0)
            .unwrap_or(true)
            || header == "\r\n"
        {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let Some(path) = path.strip_prefix(prefix) else {
        let _ = stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    };
    let rel = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let file = root.join(rel.trim_start_matches('/'));
    let (status, body, kind) = match (
        file.starts_with(root) && !rel.contains(".."),
        std::fs::read(&file),
    ) {
        (true, Ok(body)) => ("200 OK", body, content_type(&file)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!("HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Serves `root` on a free loopback port; returns the base URL.
pub fn static_server(root: PathBuf) -> String {
    static_server_at(root, "")
}

/// Serves `root` under the path `prefix` (e.g. "/some/sub/path"), as a hosted link would be.
pub fn static_server_at(root: PathBuf, prefix: &'static str) -> String {
    static_server_with_switch(
        root,
        prefix,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true)),
    )
}

/// As [`static_server_at`], but every connection is dropped unanswered while `up` is false: the
/// site is gone, as far as the browser can tell.
pub fn static_server_with_switch(
    root: PathBuf,
    prefix: &'static str,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if !up.load(std::sync::atomic::Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            let root = root.clone();
            std::thread::spawn(move || serve_one(stream, &root, prefix));
        }
    });
    format!("http://127.0.0.1:{port}")
}

// ---------------------------------------------------------------- a minimal WebDriver client

pub fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to chromedriver");
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream
        .write_all(request.as_bytes())
        .expect("send to chromedriver");
    // Read the head, then exactly the body it announces (chromedriver may keep the socket open).
    let mut reader = BufReader::new(stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).expect("read from chromedriver") == 0 || line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).expect("chunk size");
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).expect("chunk");
            body.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        reader.read_exact(&mut body).expect("body");
    } else {
        reader.read_to_end(&mut body).expect("body");
    }
    serde_json::from_slice(&body).unwrap_or(Value::Null)
}

pub struct Driver {
    _process: Child,
    port: u16,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

pub fn driver() -> &'static Driver {
    static DRIVER: OnceLock<Driver> = OnceLock::new();
    DRIVER.get_or_init(|| {
        let port = free_port();
        // Under `timeout`, so the driver cannot outlive the test run by long.
        let process = Command::new("timeout")
            .args(["900", "chromedriver"])
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (make test installs chromium-driver)");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver {
            _process: process,
            port,
        }
    })
}

pub fn base_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        assert!(
            dist().join("index.html").is_file(),
            "dist/index.html is missing: run `make build` first"
        );
        static_server(dist())
    })
}

pub struct Session {
    pub port: u16,
    pub id: String,
    /// Where this session's downloads land.
    pub downloads: PathBuf,
}

impl Session {
    pub fn new(width: u32, height: u32) -> Session {
        let d = driver();
        let profile = std::env::temp_dir().join(format!(
            "parallax-chrome-{}-{}",
            std::process::id(),
            free_port()
        ));
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).expect("download folder");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "prefs": {"download.default_directory": downloads.display().to_string(),
                          "download.prompt_for_download": false},
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.display()),
                         format!("--window-size={width},{height}")]
            }
        }}});
        let v = http(d.port, "POST", "/session", Some(&caps));
        let id = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        let session = Session {
            port: d.port,
            id,
            downloads,
        };
        // Every page records what its Content Security Policy refused (DevTools' own script,
        // which the policy does not govern).
        session.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));" }),
        );
        session
    }

    /// Runs `script` (which must call its last argument with the result) and waits for it.
    pub fn js_async(&self, script: &str) -> Value {
        self.cmd("POST", "/timeouts", Some(json!({"script": 120_000})));
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Presses and releases `key` (a WebDriver key code such as `\u{E004}` for Tab).
    pub fn press(&self, key: &str) {
        self.cmd(
            "POST",
            "/actions",
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]}),
            ),
        );
    }

    /// Types `text` into whatever has the focus, one key at a time.
    pub fn keys(&self, text: &str) {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.cmd(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// What the page's Content Security Policy refused since it loaded.
    pub fn csp_violations(&self) -> Value {
        self.js("return window.__cspViolations || ['no record: the listener did not run']")
    }

    /// The page's Content Security Policy, as written in its `<meta>` tag.
    pub fn csp(&self) -> String {
        self.js("const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m ? m.content : ''")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits for a finished download named `name` and returns its bytes.
    pub fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.join(name);
        let start = Instant::now();
        while !path.is_file() {
            let seen: Vec<String> = std::fs::read_dir(&self.downloads)
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no download {name}; the folder has {seen:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        std::fs::read(&path).expect("read the download")
    }

    /// Chooses `files` in the file input `css`, as a reader does in the file dialog.
    pub fn choose_files(&self, css: &str, files: &[PathBuf]) {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let el = v
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|x| x.as_str())
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string();
        let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        self.cmd(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({"text": paths.join("\n")})),
        );
    }

    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body.as_ref(),
        );
        if let Some(err) = v["value"].get("error") {
            panic!("WebDriver {method} {path}: {err} {}", v["value"]["message"]);
        }
        v["value"].clone()
    }

    pub fn open(&self, hash: &str) {
        self.cmd(
            "POST",
            "/url",
            Some(json!({"url": format!("{}/{hash}", base_url())})),
        );
        // The app's own `<main id="main">`, not the prerendered first view it replaces.
        self.wait(
            "the page to render",
            "return document.querySelector('main#main') !== null",
        );
    }

    pub fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits until `script` returns true.
    pub fn wait(&self, what: &str, script: &str) {
        let start = Instant::now();
        loop {
            if self.js(script) == Value::Bool(true) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn find(&self, xpath: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "xpath", "value": xpath})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(|x| x.as_str())
            .unwrap_or_else(|| panic!("no element {xpath}"))
            .to_string()
    }

    pub fn click(&self, xpath: &str) {
        let el = self.find(xpath);
        self.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    pub fn type_into(&self, xpath: &str, text: &str) {
        let el = self.find(xpath);
        self.cmd(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({"text": text})),
        );
    }

    pub fn text(&self, css: &str) -> String {
        self.js(&format!(
            "const e = document.querySelector({css:?}); return e ? e.innerText : null"
        ))
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    pub fn count(&self, css: &str) -> u64 {
        self.js(&format!("return document.querySelectorAll({css:?}).length"))
            .as_u64()
            .unwrap_or(0)
    }

    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Console messages at SEVERE level (errors), other than a missing favicon.
    pub fn console_errors(&self) -> Vec<String> {
        let v = http(
            self.port,
            "POST",
            &format!("/session/{}/se/log", self.id),
            Some(&json!({"type": "browser"})),
        );
        v["value"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].to_string())
                    .filter(|m| !m.contains("favicon"))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn screenshot(&self, name: &str) {
        let v = self.cmd("GET", "/screenshot", None);
        let b64 = v.as_str().unwrap_or("");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).ok();
        std::fs::write(dir.join(format!("{name}.png")), base64_decode(b64))
            .expect("write screenshot");
    }
}

/// Typing realistic queries into the search box one character at a time (232 keystrokes). Each
/// keystroke sets the box's value and fires `input`, as a key press does; `work` is until the
/// page's own reaction (filtering and the DOM update) is done, `frame` until the next frame after
/// it has been painted. Returns n, counts (keystrokes after which a result count was shown), and
/// p50/p95 of both.
const TYPE_QUERIES_JS: &str = r#"
const done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const queries = ["minister said", "ceasefire talks", "percent of voters", "border crossing",
  "agreement", "security guarantees", "the ministry", "according to officials", "survey found",
  "economy grew", "prime minister", "trade routes", "water", "talks in paris", "sanctions relief",
  "opposition leader", "election"];
const work = [], frame = [];
let counts = 0;
const next = () => new Promise((r) => setTimeout(r, 0));
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const t0 = performance.now();
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await next();
      work.push(performance.now() - t0);
      await painted();
      frame.push(performance.now() - t0);
      if (document.querySelector('#results-count').innerText.length > 0) counts++;
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
  }
  const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  done({ n: work.length, counts, work50: pct(work, 0.5), work95: pct(work, 0.95), frame50: pct(frame, 0.5), frame95: pct(frame, 0.95) });
})();
"#;

impl Session {
    /// Runs [`TYPE_QUERIES_JS`] on the claims view.
    pub fn type_queries(&self) -> Value {
        self.cmd("POST", "/timeouts", Some(json!({"script": 600_000})));
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": TYPE_QUERIES_JS, "args": []})),
        )
    }

    /// A Chrome DevTools Protocol command.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}

pub fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = s.bytes().filter_map(value).collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, d| (acc << 6) | *d as u32) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}
