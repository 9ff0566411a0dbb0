# Sourced by scripts/serve and scripts/test: puts the project's tools first on
# PATH (npm's wasm-opt before any system one) and quiets Trunk's update check.
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
