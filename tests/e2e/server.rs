//! The static host of the end-to-end tests: the release `dist/` (or the
//! directory `RAPPORT_DIST` names) served on 127.0.0.1 under a sub-path, the
//! way a CDN or static host serves it, with `index.html` for unknown paths.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The sub-path the app is served under, like `https://cdn.example/rapport/`.
pub const MOUNT: &str = "/rapport/";

/// The built app: `dist/`, or the directory `RAPPORT_DIST` names (so that
/// a second build, e.g. `trunk build --release --dist /tmp/other`, can be
/// tested while `dist/` is in use).
fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("RAPPORT_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").exists(),
        "dist/index.html is missing: run `trunk build --release` first (scripts/test does)"
    );
    dist
}

/// The address of the app, served once per test binary.
pub fn app_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("bound address").port();
        let dist = dist_dir();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dist = dist.clone();
                std::thread::spawn(move || serve_one(stream, &dist, None));
            }
        });
        format!("http://127.0.0.1:{port}{MOUNT}")
    })
}

/// A second host of the same build, on its own port (so its own origin,
/// service worker and storage), whose network can be cut: once
/// [`SwitchableHost::go_offline`] is called it drops every connection
/// unanswered, as a machine without network would fail them.
pub struct SwitchableHost {
    url: String,
    offline: std::sync::Arc<std::sync::atomic::AtomicBool>,
    next_version: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl SwitchableHost {
    /// Starts serving.
    pub fn start() -> SwitchableHost {
        use std::sync::atomic::{AtomicBool, Ordering};
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("bound address").port();
        let dist = dist_dir();
        let offline = std::sync::Arc::new(AtomicBool::new(false));
        let cut = offline.clone();
        let next_version = std::sync::Arc::new(AtomicBool::new(false));
        let next = next_version.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if cut.load(Ordering::SeqCst) {
                    drop(stream);
                    continue;
                }
                let dist = dist.clone();
                let switches = (cut.clone(), next.clone());
                std::thread::spawn(move || serve_one(stream, &dist, Some(switches)));
            }
        });
        SwitchableHost {
            url: format!("http://127.0.0.1:{port}{MOUNT}"),
            offline,
            next_version,
        }
    }

    /// The app's address on this host.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// From now on the host serves a newer build: its `sw.js` has another
    /// version (the files are the same, which is all a test needs).
    pub fn publish_next_version(&self) {
        self.next_version
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// From now on, no request reaches the host.
    pub fn go_offline(&self) {
        self.offline
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Serves one request like a static host with an SPA fallback (`try_files
/// $uri /index.html`): files under `MOUNT` from `dist/`, `index.html` for
/// in-app paths without a file extension, 404 for everything else.
/// `switches`: a [`SwitchableHost`]'s (offline, next version) flags, read
/// once the request has arrived — a connection the browser opened earlier
/// (a preconnect) must not be answered after the network is cut.
type Switches = (
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
);

fn serve_one(mut stream: TcpStream, dist: &Path, switches: Option<Switches>) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let flag = |f: &std::sync::Arc<std::sync::atomic::AtomicBool>| {
        f.load(std::sync::atomic::Ordering::SeqCst)
    };
    if switches.as_ref().is_some_and(|(offline, _)| flag(offline)) {
        return;
    }
    let next_version = switches.as_ref().is_some_and(|(_, next)| flag(next));
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A host's catch-all (`try_files $uri /index.html`) also answers a
    // crafted address that starts with `//` (see shell.rs's base-path test).
    if path.starts_with("//") && !path.rsplit('/').next().unwrap_or("").contains('.') {
        let body = std::fs::read(dist.join("index.html")).unwrap_or_default();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.write_all(&body));
        return;
    }
    let file = path.strip_prefix(MOUNT).and_then(|rel| {
        if rel.contains("..") {
            return None;
        }
        let candidate = dist.join(rel);
        if candidate.is_file() {
            Some(candidate)
        } else if !rel.rsplit('/').next().unwrap_or("").contains('.') {
            Some(dist.join("index.html"))
        } else {
            None
        }
    });
    let (status, body, mime) = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((f, body)) if next_version && f.ends_with("sw.js") => {
            let text = String::from_utf8_lossy(&body)
                .replace("const VERSION = \"", "const VERSION = \"next-");
            ("200 OK", text.into_bytes(), mime_of(&f))
        }
        Some((f, body)) => ("200 OK", body, mime_of(&f)),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(&body));
}

fn mime_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") | Some("webmanifest") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
