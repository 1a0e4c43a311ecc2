#!/usr/bin/env bash
# Contracts micro-benchmark: generate the fixtures, then, in alternating rounds on the
# same bytes, time Pydantic v2 model_validate_json and the Swift contracts (release
# build); print each round's figures and the median ratio. Alternating rounds keep
# a busy machine from favouring one side.
#   ROUNDS=3 PYDANTIC_RUNS=200 BENCH_OUT=bench/results/contracts bench/contracts/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${BENCH_OUT:-bench/results/contracts}"
rounds="${ROUNDS:-3}"
mkdir -p "$out"
python3 bench/contracts/make_large_context.py "$out"
swift build -c release --product coaching-bench >&2
: > "$out/swift.jsonl"
for round in $(seq 1 "$rounds"); do
    python3 bench/contracts/pydantic_validate.py --runs "${PYDANTIC_RUNS:-200}" \
        "large=$out/large-context.json" "small=$out/small-context.json" > "$out/pydantic-$round.jsonl"
    .build/release/coaching-bench contracts "$out/large-context.json" "$out/small-context.json" "$out/pydantic-$round.jsonl" \
        | sed "s/^{/{\"round\":$round,/" >> "$out/swift.jsonl"
done
python3 - "$out/swift.jsonl" <<'PY'
import json, statistics, sys
from collections import defaultdict
ratios = defaultdict(list)
for line in open(sys.argv[1]):
    result = json.loads(line)
    name, swift = result["name"], result["value"]
    if result.get("other_value"):
        ratio = result["other_value"] / swift
        ratios[name].append(ratio)
        print(f'round {result["round"]}: {name}: Swift {swift:.0f} us, {result["compared_with"]} '
              f'{result["other_value"]:.0f} us -> {ratio:.2f} {result["ratio_meaning"]}')
    else:
        print(f'round {result["round"]}: {name}: Swift {swift:.0f} us')
for name, values in ratios.items():
    print(f'{name}: median ratio over {len(values)} rounds: {statistics.median(values):.2f} x faster than Pydantic')
PY
