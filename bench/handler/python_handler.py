#!/usr/bin/env python3
"""The handler cost in Python: Pydantic v2 `model_validate_json` of a chat
request carrying a business context, plus the Python port of the prompt build
(prompt_render.py), on the same bytes coaching-bench's `handler` suite times.

usage: python_handler.py DIR
reads DIR/{small,large}-request.json and DIR/prompt-texts.json (written by
`coaching-bench handler DIR`), writes DIR/prompt-python-{small,large}.txt and
prints one JSON line per figure: handler.python.SIZE.{validate,prompt,total}.
BENCH_SCALE scales the iteration counts, as for coaching-bench.
"""
import json
import os
import statistics
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, StringConstraints

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "contracts"))
from prompt_render import PromptBuilder, canonical_text  # noqa: E402
from pydantic_validate import BusinessContext, Contract, Identifier  # noqa: E402

Message = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class CoachingTopic(str, Enum):
    core_values = "core_values"
    purpose = "purpose"
    vision = "vision"
    goals = "goals"


class CoachingRequest(Contract):
    """Mirrors CoachingContracts.CoachingRequest (identity keys in the body are ignored)."""
    message: Message
    conversation_id: Optional[Identifier] = None
    session_id: Optional[Identifier] = None
    topic: Optional[CoachingTopic] = None
    business_context: Optional[BusinessContext] = None
    source: Literal["direct", "orchestrated", "orchestrated_fallback"] = "direct"


CASES = (("small", 2_000), ("large", 60))


def median_microseconds(body, iterations, warmup=3):
    for _ in range(warmup):
        body()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter_ns()
        body()
        samples.append((time.perf_counter_ns() - start) / 1_000)
    return statistics.median(samples)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = Path(sys.argv[1])
    texts = json.loads((directory / "prompt-texts.json").read_text(encoding="utf-8"))
    builder = PromptBuilder(texts)
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    for name, count in CASES:
        body = (directory / f"{name}-request.json").read_bytes()
        iterations = max(1, int(count * scale))
        request = CoachingRequest.model_validate_json(body)
        system, messages = builder.build(request)
        (directory / f"prompt-python-{name}.txt").write_text(canonical_text(system, messages), encoding="utf-8")

        figures = {
            "validate": median_microseconds(lambda: CoachingRequest.model_validate_json(body), iterations),
            "prompt": median_microseconds(lambda: builder.build(request), iterations),
            "total": median_microseconds(lambda: builder.build(CoachingRequest.model_validate_json(body)), iterations),
        }
        for figure, value in figures.items():
            print(json.dumps({"name": f"handler.python.{name}.{figure}", "value": value, "unit": "µs"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
