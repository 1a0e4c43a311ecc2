#!/usr/bin/env bash
# Load check of `coaching-dev serve` with wrk: the health route and the chat route
# (a full coaching turn with the offline coach and the file store) on a release
# build. Prints wrk's reports; docs/PERFORMANCE.md records the figures.
#   bench/local-api/run.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-15}"
connections="${2:-16}"
dev="${COACHING_DEV:-.build/release/coaching-dev}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -x "$dev" ] || { echo "$dev is missing: swift build -c release --product coaching-dev" >&2; exit 1; }

work="$(mktemp -d -t local-api-bench.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
secret="local-api-bench-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
env -u CONVERSATIONS_TABLE -u COACHING_SESSIONS_TABLE JWT_SECRET="$secret" COACHING_DATA_DIR="$work/data" LLM_PROVIDER=offline \
  "$dev" serve --port "$port" 2>"$work/serve.log" &
server_pid=$!
cleanup() {
  kill -INT "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/api/v1/health', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
TOKEN="$(JWT_SECRET="$secret" "$dev" token --user bench-user --tenant bench-tenant)"
export TOKEN

echo "== health: wrk -t2 -c$connections -d${duration}s --latency http://127.0.0.1:PORT/api/v1/health"
wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/api/v1/health"
echo "== chat: wrk -t2 -c$connections -d${duration}s --latency -s bench/local-api/chat.lua http://127.0.0.1:PORT/api/v1/coaching/chat"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/local-api/chat.lua "http://127.0.0.1:$port/api/v1/coaching/chat"
echo "== access-log lines: $(grep -c '"message":"access"' "$work/serve.log"); errors: $(grep -c '"level":"ERROR"' "$work/serve.log" || true)"
echo "== conversations stored: $(find "$work/data" -name '*.json' | wc -l)"
