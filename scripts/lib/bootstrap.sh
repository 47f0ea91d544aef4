# Sourced by start.sh, test.sh and dev.sh: installs what is missing, from a machine
# that has only Node.js 20+ and npm. Safe to run again: each step is skipped when done.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PNPM_VERSION=12.21.0

say() { printf '\033[1m[kumiai]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[kumiai] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v node >/dev/null || die "Node.js 20 or newer is needed: https://nodejs.org/ (or: apt-get install nodejs npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || die "Node.js 20 or newer is needed; this is $(node --version)"

# pnpm, pinned: a project-local copy under .tools/ unless the right one is on PATH.
if ! { command -v pnpm >/dev/null && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; }; then
  if [ ! -x "$ROOT/.tools/node_modules/.bin/pnpm" ]; then
    say "installing pnpm $PNPM_VERSION into .tools/"
    npm install --silent --no-audit --no-fund --no-save --prefix "$ROOT/.tools" "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
fi

# better-sqlite3 is built from source by node-gyp, which needs Node's C headers;
# point it at the ones installed with Node rather than letting it download them.
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  if [ -f "$node_prefix/include/node/node.h" ]; then export npm_config_nodedir="$node_prefix"; fi
fi

stamp="node_modules/.kumiai-install-stamp"
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || ! node -e 'require("./server/node_modules/better-sqlite3")' 2>/dev/null; then
  say "installing dependencies (the first run builds SQLite, about a minute)"
  pnpm install --frozen-lockfile >&2
  node -e 'require("./server/node_modules/better-sqlite3")' \
    || die "better-sqlite3 did not build: install python3, make and g++ (apt-get install -y python3 make g++) and run again"
  touch "$stamp"
fi
