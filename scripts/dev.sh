#!/usr/bin/env bash
# npm run dev: the server with restart on change (:8080) and Vite with hot reload (:5173).
source "$(dirname "$0")/lib/bootstrap.sh"
pnpm exec vite --port 5173 &
vite_pid=$!
trap 'kill $vite_pid 2>/dev/null' EXIT
# The page is served by Vite on :5173, so that is the origin the CSRF and WebSocket checks accept.
KUMIAI_PUBLIC_URL="${KUMIAI_PUBLIC_URL:-http://localhost:5173}" node --import tsx --watch server/src/main.ts
