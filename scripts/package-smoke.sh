#!/usr/bin/env bash
# Runs the packaged bootstrap outside the build environment: in a minimal
# Debian root (debootstrap --variant=minbase, plus libcurl4 and ca-certificates;
# libc6 and libstdc++6 come with minbase; no Swift anywhere), through chroot.
#
#   1. `bootstrap invoke events/http/health.json`                -> statusCode 200
#   2. `bootstrap invoke events/http/coaching-chat.json` with LLM_PROVIDER=openai
#      pointed at a fake OpenAI server on the host's loopback (chroot shares the
#      network): a real libcurl HTTP exchange; the reply must be the fake's text.
#   3. `bootstrap` as Lambda runs it (no arguments, AWS_LAMBDA_RUNTIME_API), both
#      events served by `coaching-dev local`'s mock Runtime API on the host.
#
# usage: scripts/package-smoke.sh [dist/coaching-lambda.zip]
#        scripts/package-smoke.sh --prepare-root   (only build the cached root:
#        CI starts it in the background while the tests run; it is network-bound)
# Needs root (chroot), debootstrap, unzip, python3. The root is cached under
# .cache/package-smoke/ (gitignored); the first run downloads it from Debian's
# mirror (DEBIAN_MIRROR, default http://deb.debian.org/debian).
set -euo pipefail
cd "$(dirname "$0")/.."

prepare_only=0
if [ "${1:-}" = "--prepare-root" ]; then prepare_only=1; shift; fi
zip_file="${1:-dist/coaching-lambda.zip}"
suite="${SMOKE_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache=".cache/package-smoke"
root="$cache/$suite"

[ "$prepare_only" = 1 ] || [ -f "$zip_file" ] || { echo "package-smoke: no $zip_file; run make package ARCH=x86_64 first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "package-smoke: needs root (chroot)" >&2; exit 2; }
for tool in debootstrap unzip python3 chroot mount mountpoint; do
  command -v "$tool" >/dev/null || { echo "package-smoke: $tool is required (apt-get install -y debootstrap unzip)" >&2; exit 2; }
done

started=$(date +%s)
if [ ! -x "$root/bin/sh" ]; then
  echo "== debootstrap --variant=minbase $suite -> $root (first run only)"
  rm -rf "$root.tmp"
  mkdir -p "$cache"
  debootstrap --variant=minbase --include=libcurl4,ca-certificates "$suite" "$root.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  rm -rf "$root.tmp/var/cache/apt/archives/"*.deb
  mv "$root.tmp" "$root"
fi
if [ "$prepare_only" = 1 ]; then
  echo "package-smoke: root ready in $root ($(( $(date +%s) - started )) s)"
  exit 0
fi
# coaching-dev (development executable, runs on the host) drives the runtime test.
dev_binary="${COACHING_DEV:-.build/debug/coaching-dev}"
if [ ! -x "$dev_binary" ]; then
  swift build --product coaching-dev
fi
if find "$root" -name 'libswift*' -print -quit | grep -q .; then
  echo "package-smoke: the root holds Swift libraries; it must not" >&2; exit 1
fi
echo "root: $root ($(du -sh "$root" | cut -f1)), $(chroot "$root" dpkg-query -W -f='${Package} ${Version}\n' libc6 libstdc++6 libcurl4 ca-certificates | tr '\n' ',' | sed 's/,$//')"

# Swift reads its arguments (CommandLine.arguments) from /proc/self/cmdline:
# without /proc the binary would see none. Lambda's environment has /proc.
proc_mounted=0
fake_pid=""
work="$(mktemp -d)"
cleanup() {
  [ -n "$fake_pid" ] && { kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; }
  [ "$proc_mounted" = 1 ] && umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
if ! mountpoint -q "$root/proc"; then
  mount -t proc proc "$root/proc"
  proc_mounted=1
fi

task="$root/var/task"
rm -rf "$task"
mkdir -p "$task/events/http"
unzip -q "$zip_file" -d "$task"
cp events/http/health.json events/http/coaching-chat.json "$task/events/http/"

# The fake OpenAI server: one canned chat completion for any POST.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 - "$port" <<'PY' &
import http.server, json, sys
REPLY = "Smoke test reply from the fake model."
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = json.dumps({"id": "smoke", "object": "chat.completion", "model": "smoke",
                           "choices": [{"index": 0, "message": {"role": "assistant", "content": REPLY}, "finish_reason": "stop"}],
                           "usage": {"prompt_tokens": 10, "completion_tokens": 8, "total_tokens": 18}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
fake_pid=$!
for _ in $(seq 1 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done

# run_event FILE [VAR=VALUE...]: bootstrap invoke FILE in the root, clean environment.
run_event() {
  local file="$1"; shift
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp COACHING_DATA_DIR=/tmp/coaching-data "$@" \
    /var/task/bootstrap invoke "/var/task/$file"
}

failures=0
echo "== bootstrap invoke events/http/health.json"
health="$(run_event events/http/health.json 2>"$cache/health.stderr")" || { cat "$cache/health.stderr" >&2; failures=$((failures + 1)); }
echo "$health"
python3 -c 'import json, sys; r = json.loads(sys.argv[1]); assert r["statusCode"] == 200, r; print("health: statusCode 200")' "$health" \
  || failures=$((failures + 1))

echo "== bootstrap invoke events/http/coaching-chat.json (LLM_PROVIDER=openai, fake server on 127.0.0.1:$port)"
chat="$(run_event events/http/coaching-chat.json LLM_PROVIDER=openai OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_MODEL=smoke 2>"$cache/chat.stderr")" \
  || { cat "$cache/chat.stderr" >&2; failures=$((failures + 1)); }
echo "$chat" | cut -c1-400
python3 - "$chat" <<'PY' || failures=$((failures + 1))
import json, sys
response = json.loads(sys.argv[1])
assert response["statusCode"] == 200, response
body = json.loads(response["body"])
assert "Smoke test reply from the fake model." in json.dumps(body), body
print("chat: statusCode 200, the reply came from the fake model over libcurl")
PY
# 3. The Lambda path itself: bootstrap with no arguments, serving both events from
# a mock Runtime API on the host's loopback over libcurl (coaching-dev local runs
# the `bootstrap` beside it; here that is a wrapper that enters the root).
echo "== bootstrap as the runtime (coaching-dev local, mock Runtime API on the host)"
dev="$work/coaching-dev"
cp "$dev_binary" "$dev"
cat >"$work/bootstrap" <<SH
#!/bin/sh
exec $(command -v chroot) "$PWD/$root" /var/task/bootstrap "\$@"
SH
chmod +x "$work/bootstrap"
repo="$PWD"
runtime="$( (cd "$work" && env -i PATH=/usr/bin:/bin HOME=/tmp COACHING_DATA_DIR=/tmp/coaching-data \
  LLM_PROVIDER=openai OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_MODEL=smoke \
  ./coaching-dev local "$repo/events/http/health.json" "$repo/events/http/coaching-chat.json") 2>"$cache/runtime.stderr")" \
  || { cat "$cache/runtime.stderr" >&2; failures=$((failures + 1)); }
echo "$runtime" | cut -c1-200
python3 - "$runtime" <<'PY' || failures=$((failures + 1))
import json, sys
health, chat = (json.loads(line) for line in sys.argv[1].splitlines())
assert health["statusCode"] == 200 and chat["statusCode"] == 200, (health, chat)
assert "Smoke test reply from the fake model." in chat["body"], chat
print("runtime: both events answered through the Runtime API loop")
PY

# Every line the binary wrote to stderr must be JSON (logs and EMF metrics).
python3 - "$cache/health.stderr" "$cache/chat.stderr" "$cache/runtime.stderr" <<'PY' || failures=$((failures + 1))
import json, sys
for path in sys.argv[1:]:
    for number, line in enumerate(open(path), 1):
        json.loads(line)
print("stderr: every line is JSON")
PY

echo "package-smoke: $((failures == 0 ? 1 : 0)) ($(( $(date +%s) - started )) s)" | sed 's/: 1 (/: ok (/; s/: 0 (/: FAILED (/'
[ "$failures" = 0 ]
