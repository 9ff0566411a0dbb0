# Sourced by the scripts: puts the project's tools first on PATH (npm's
# wasm-opt before any system one, then cargo-installed tools) and quiets
# Trunk's update check, which cannot reach its server.
export PATH="$PWD/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
