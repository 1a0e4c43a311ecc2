#!/usr/bin/env bash
# Executes the coaching state machine in moto's Step Functions interpreter:
# starts moto_server on a free loopback port, runs orchestrator/tests (and the
# template/events checks in scripts/tests) with pytest, stops the server (also
# when the tests fail or are interrupted). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import moto.server, flask' 2>/dev/null || { echo "moto's server is not installed: python3 -m pip install 'moto[server]'" >&2; exit 1; }

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp -t moto-orchestrator.XXXXXX.log)"
# moto's Step Functions interpreter calls its own Lambda API at localhost:$MOTO_PORT.
# orchestrator/tests/moto_server.py is moto_server with its JSONPath parsing memoized.
MOTO_PORT="$port" python3 orchestrator/tests/moto_server.py -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto_pid=$!
cleanup() {
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 150); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    echo "moto_server exited early:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.2
done

MOTO_URL="http://127.0.0.1:$port" python3 -m pytest -q -p no:cacheprovider orchestrator/tests scripts/tests "$@"
