# Shared helpers for scripts/: paths, logging, root escalation. Sourced, not run.
TANDEM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TANDEM_CACHE="${TANDEM_CACHE:-$HOME/.cache/tandem}"
TANDEM_BUILD="${TANDEM_BUILD:-$TANDEM_ROOT/build}"
export TANDEM_ROOT TANDEM_CACHE TANDEM_BUILD
# Debian's emscripten needs acorn and friends from the system node path.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

say() { printf '[tandem] %s\n' "$*" >&2; }
die() { printf '[tandem] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
