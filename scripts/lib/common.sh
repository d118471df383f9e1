# Shared helpers for scripts/: paths, logging, root escalation. Sourced, not run.
TANDEM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TANDEM_CACHE="${TANDEM_CACHE:-$HOME/.cache/tandem}"
TANDEM_BUILD="${TANDEM_BUILD:-$TANDEM_ROOT/build}"
export TANDEM_ROOT TANDEM_CACHE TANDEM_BUILD
# A compiler cache outside the clone: CI builds a fresh clone each time, and the same sources compile to the
# same objects whatever folder the clone is in (paths are hashed relative to the clone).
export CCACHE_DIR="${CCACHE_DIR:-$TANDEM_CACHE/ccache}" CCACHE_BASEDIR="$TANDEM_ROOT" CCACHE_NOHASHDIR=true
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-4G}"
# cmake arguments that put the cache in front of the compiler (nothing before setup has installed it).
compiler_cache_args() {
  command -v ccache >/dev/null && printf '%s\n' -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  return 0
}
# emcc runs its own clang through this wrapper.
command -v ccache >/dev/null && export EM_COMPILER_WRAPPER="${EM_COMPILER_WRAPPER:-ccache}"
# Debian's emscripten needs acorn and friends from the system node path.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

# For tandem-server processes: glibc backs its large allocations with transparent huge pages, which Debian's
# kernels give only to memory that asks (madvise). A restart restores the analytics ledger, hundreds of MB at
# a large organisation, and faulting that in 4 KiB at a time was most of the restart (bench-analytics prints
# both). glibc before 2.35 ignores the setting.
server_memory_tunables() {
  case ":${GLIBC_TUNABLES:-}:" in
    *:glibc.malloc.hugetlb=*) ;;
    *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
  esac
}

say() { printf '[tandem] %s\n' "$*" >&2; }
die() { printf '[tandem] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
