//! Where the app lives on its host, so the release build works from any
//! sub-path of a static host (e.g. `https://cdn.example/rapport/`).
//!
//! `index.html` sets a `<base href>` to the app's root before anything else
//! loads (it strips known route segments from the address); assets resolve
//! against it and the router takes its path as its `base`.

/// The route segments that start an in-app path. `index.html` keeps the same
/// list to find the app root on a reload of a deep link; an end-to-end test
/// (`shell.rs`) opens a deep link to every one to keep the two in step.
pub const ROUTE_SEGMENTS: &[&str] = &[
    "customers",
    "pipeline",
    "orders",
    "tickets",
    "tasks",
    "campaigns",
    "analytics",
    "insight",
    "import-export",
    "settings",
    "trash",
    "search",
    "duplicates",
    "notes",
];

/// The router base: the path of the document's base URL without its trailing
/// slash (`""` when served from the host's root, `"/rapport"` from a sub-path).
pub fn router_base() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base_path_of(&base_uri)
}

/// Extracts the router base from an absolute base URL.
pub fn base_path_of(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    dir.trim_end_matches('/').to_string()
}

thread_local! {
    static ROUTER_BASE: String = router_base();
}

/// The `href` for an in-app path such as `"/settings"`: the router base
/// prepended. Use it for every `<A href>` — leptos_router 0.8 leaves absolute
/// link targets as they are, while `use_navigate` already adds the base, so
/// do not pass its result to `navigate`.
pub fn app_href(path: &str) -> String {
    ROUTER_BASE.with(|base| format!("{base}{path}"))
}
