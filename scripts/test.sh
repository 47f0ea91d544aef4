#!/usr/bin/env bash
# npm test: install what is missing (Chromium included), then typecheck, lint,
# unit + integration tests and the e2e journeys. Every suite runs even when an
# earlier one fails; the last line is the totals over all of them.
source "$(dirname "$0")/lib/bootstrap.sh"

# The browser for e2e: KUMIAI_CHROMIUM, else Debian's chromium, installed when absent.
if [ -n "${KUMIAI_CHROMIUM:-}" ]; then
  [ -x "$KUMIAI_CHROMIUM" ] || die "KUMIAI_CHROMIUM=$KUMIAI_CHROMIUM is not an executable browser"
else
  KUMIAI_CHROMIUM="$(command -v chromium || true)"
  if [ -z "$KUMIAI_CHROMIUM" ]; then
    say "installing Debian's chromium for the e2e tests"
    command -v apt-get >/dev/null || die "no chromium and no apt-get: install Chromium and set KUMIAI_CHROMIUM=/path/to/chromium"
    as_root apt-get update -qq >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 \
      || die "could not install chromium: install it and set KUMIAI_CHROMIUM=/path/to/chromium"
    KUMIAI_CHROMIUM="$(command -v chromium || true)"
    [ -n "$KUMIAI_CHROMIUM" ] || die "chromium is still missing after apt-get install"
  fi
fi
export KUMIAI_CHROMIUM

# Debian tools the tests run as independent checkers, installed when absent
# like chromium; a missing tool fails the tests that need it:
# - belenios-tool (2.0): verifies our election archives (server/test/elections-belenios.test.ts);
# - pdftotext (poppler-utils): reads the PDFs we generate (server/test/elections/bylaw-template.test.ts).
need_tool() { # command, Debian package
  command -v "$1" >/dev/null && return 0
  say "installing Debian's $2 for the tests ($1)"
  command -v apt-get >/dev/null || die "no $1 and no apt-get: install the package $2"
  as_root apt-get update -qq >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2 \
    || die "could not install $2"
  command -v "$1" >/dev/null || die "$1 is still missing after apt-get install $2"
}
need_tool belenios-tool belenios-tool
need_tool pdftotext poppler-utils

REPORTS="$ROOT/.reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
set +e
run_step() { # name, command...: a pass/fail suite without its own test counts
  local name="$1"; shift
  say "── $name"
  if "$@"; then echo passed > "$REPORTS/$name.status"; else echo failed > "$REPORTS/$name.status"; fi
}
run_step typecheck pnpm -s typecheck
run_step lint pnpm -s lint
run_step build pnpm exec vite build --logLevel warn
say "── unit + integration (vitest)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
echo $? > "$REPORTS/vitest.exit"
say "── e2e (Playwright, $KUMIAI_CHROMIUM)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/playwright.json" pnpm exec playwright test -c e2e/playwright.config.ts --reporter=list,json
echo $? > "$REPORTS/playwright.exit"
node scripts/summary.mjs "$REPORTS"
