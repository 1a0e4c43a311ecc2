#!/usr/bin/env bash
# `make bench`: every benchmark in one run, one table, bench/results/latest.json.
#
#   1. cold start: spawn -> first GET /next, 30 runs each, of the release bootstrap,
#      runtime-echo, the C libcurl floor and the Python floor (interleaved);
#   2. warm overhead: 1,000 and 10,000 invocations through the mock Runtime API,
#      runtime-echo vs the C loop (and the bootstrap health route, the Python floor);
#   3. handler cost: decode + validate + prompt build, Swift vs Pydantic + a Python
#      port of the renderer, on the same request bytes, 3 alternating rounds;
#   4. full chat turns in-process: file store, and DynamoDB on moto's server
#      (signature checking on) with round trips per turn; GetItem vs boto3;
#   5. peak RSS after 1,000 and 10,000 invocations; stripped and zipped size.
#
# Method and reading of the figures: docs/PERFORMANCE.md. Environment knobs:
#   COLDSTART_RUNS (30), WARM_ROUNDS (3), HANDLER_ROUNDS (3), BENCH_KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(date +%s.%N)"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d "${TMPDIR:-/tmp}/coaching-bench.XXXXXX")"
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work directory: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
step() { echo "== $*" >&2; }
on_failure() {
  echo "bench failed; last lines the programs under test wrote to stderr:" >&2
  tail -n 20 "$work/children.log" >&2 2>/dev/null || true
}
trap on_failure ERR

for tool in python3 cc curl-config moto_server zip strip objdump; do
  command -v "$tool" >/dev/null || { echo "make bench needs $tool (make deps)" >&2; exit 1; }
done
python3 -c 'import pydantic, boto3' 2>/dev/null || { echo "make bench needs pydantic and boto3 (make deps)" >&2; exit 1; }

step "build: release, static Swift stdlib (bootstrap, coaching-dev, runtime-echo, coaching-bench)"
for product in bootstrap coaching-dev runtime-echo coaching-bench; do
  swift build -c release --static-swift-stdlib --product "$product" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
done
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
bench="$bin/coaching-bench"
cc -O2 -o "$work/c_runtime" bench/floor/c_runtime.c -lcurl
python3 bench/contracts/make_large_context.py "$work" 2>/dev/null
python="$(command -v python3)"

# The runtimes start as the deployed function would: DynamoDB tables, a JWT secret,
# credentials in the environment (no network at init), logs at WARN.
runtime_env=(
  env AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIABENCHEXAMPLE0000 AWS_SECRET_ACCESS_KEY=bench-secret-key
  AWS_SESSION_TOKEN=bench-session-token AWS_LAMBDA_FUNCTION_NAME=coaching AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024
  CONVERSATIONS_TABLE=coaching-conversations COACHING_SESSIONS_TABLE=coaching-sessions
  JWT_SECRET=bench-jwt-secret-of-at-least-32-bytes COACHING_DATA_DIR="$work/data"
  AWS_LAMBDA_LOG_LEVEL=WARN BENCH_CHILD_LOG="$work/children.log"
)
targets=("c=$work/c_runtime" "runtime-echo=$bin/runtime-echo" "bootstrap=$bin/bootstrap" "python=$python bench/floor/python_runtime.py")

step "1. cold start: ${COLDSTART_RUNS:-30} runs x ${#targets[@]} programs"
"${runtime_env[@]}" "$bench" coldstart "${COLDSTART_RUNS:-30}" "${targets[@]}" >"$work/coldstart.jsonl"

step "2. warm: 10,000 and 1,000 invocations x ${WARM_ROUNDS:-3} rounds (peak RSS, CPU)"
for count in 10000 1000; do
  "${runtime_env[@]}" "$bench" warm "$count" "${WARM_ROUNDS:-3}" events/http/health.json "${targets[@]}" >"$work/warm-$count.jsonl"
done

step "3. handler cost: ${HANDLER_ROUNDS:-3} alternating rounds, Swift and Python"
for _ in $(seq "${HANDLER_ROUNDS:-3}"); do
  "$bench" handler "$work" >>"$work/handler-swift.jsonl"
  python3 bench/handler/python_handler.py "$work" >>"$work/handler-python.jsonl"
done

step "4. chat turns: file store; DynamoDB on moto (signature checking on); GetItem vs boto3"
"$bench" chat files 50 6 events/http/coaching-chat.json >"$work/chat-files.jsonl"
python3 bench/dynamodb/with_moto.py --boto3-iterations 200 -- /bin/sh -c \
  "'$bench' chat dynamodb 20 6 events/http/coaching-chat.json && '$bench' dynamodb 200" >"$work/moto.jsonl"

step "5. size: stripped and zipped bootstrap"
bash scripts/check-binary.sh "$bin/bootstrap" >"$work/size.txt" || true

trap - ERR
python3 bench/report.py "$work" "$started" "$load_at_start" bench/results/latest.json
