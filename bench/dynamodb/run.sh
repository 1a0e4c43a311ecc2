#!/usr/bin/env bash
# DynamoDB client benchmark: GetItem median/p90 latency and HTTP round trips
# per GetItem, against a private moto server with signature checking on
# (started and stopped by with_moto.py), beside boto3 on the same server.
#
#   bash bench/dynamodb/run.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations="${1:-${ITERATIONS:-300}}"

command -v moto_server >/dev/null || { echo "moto_server missing: python3 -m pip install 'moto[server]'" >&2; exit 1; }
swift build -c release --product coaching-bench >&2
python3 bench/dynamodb/with_moto.py --boto3-iterations "$iterations" -- .build/release/coaching-bench dynamodb "$iterations"
