#!/usr/bin/env bash
# Which source files one continuing chat turn runs, by the coverage trick:
# a coverage build, one conversation initiated, then one message event
# through the real runtime loop against the mock Runtime API with a
# per-process profile; files (and modules) with executed lines are counted.
#   scripts/turn-footprint.sh [EVENT]   (default: the message turn)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-.build/debug}
[ -x "$build/bootstrap" ] || { echo "no coverage build in $build: swift build --enable-code-coverage" >&2; exit 2; }
runner=("$build/bootstrap" local)
[ -x "$build/coaching-dev" ] && runner=("$build/coaching-dev" local)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COACHING_DATA_DIR="$work/data" LLVM_PROFILE_FILE="$work/setup-%p.profraw"
opened=$("${runner[@]}" events/http/conversations-initiate.json 2>/dev/null)
id=$(printf '%s' "$opened" | python3 -c 'import json,sys; print(json.loads(json.loads(sys.stdin.read())["body"])["data"]["conversation_id"])')
python3 - "$id" "$work/turn.json" <<'PY'
import json, sys
conversation, out = sys.argv[1], sys.argv[2]
event = json.load(open("events/http/conversation-message.json"))
event["rawPath"] = event["requestContext"]["http"]["path"] = f"/api/v1/conversations/{conversation}/message"
event["pathParameters"]["id"] = conversation
json.dump(event, open(out, "w"))
PY
event=${1:-$work/turn.json}
mkdir -p "$work/turn"
LLVM_PROFILE_FILE="$work/turn/%p.profraw" "${runner[@]}" "$event" >/dev/null 2>&1
toolchain=$(dirname "$(command -v swift)")   # the toolchain's own LLVM reads its profiles
llvm_profdata=$toolchain/llvm-profdata llvm_cov=$toolchain/llvm-cov
for raw in "$work"/turn/*.profraw; do
  "$llvm_profdata" merge -sparse "$raw" -o "$raw.profdata"
  "$llvm_cov" export -summary-only "$build/bootstrap" -instr-profile="$raw.profdata" >"$raw.json" 2>/dev/null || continue
  python3 - "$raw.json" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))["data"][0]["files"]
run = [f["filename"].split("/Sources/", 1)[1] for f in data
       if "/Sources/" in f["filename"] and f["summary"]["lines"]["covered"] > 0]
if not any(path.endswith("RuntimeLoop.swift") for path in run):
    sys.exit(0)  # the mock Runtime API's process, not the runtime's
modules = collections.Counter(path.split("/", 1)[0] for path in run)
print(f"{len(run)} source files in {len(modules)} modules")
for module, count in sorted(modules.items()):
    print(f"  {module}: {count}")
PY
done
