#!/usr/bin/env bash
# npm start: install what is missing, build the app, run the server.
source "$(dirname "$0")/lib/bootstrap.sh"
say "building the app"
pnpm exec vite build --logLevel warn >&2
say "starting the server (Ctrl+C stops it)"
exec node --import tsx server/src/main.ts
