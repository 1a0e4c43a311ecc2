#!/usr/bin/env python3
"""Pydantic v2 models mirroring CoachingContracts' BusinessContext, timed on the same bytes.

usage: pydantic_validate.py [--runs N] NAME=PATH ...
prints one JSON object per fixture: {"name", "bytes", "runs", "median_us", "p90_us", "pydantic"}.
"""
import argparse
import json
import statistics
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated, List, Optional

import pydantic
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
OptionalLabel = Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]]
Description = Optional[Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")]
FiniteNumber = Optional[Annotated[float, Field(allow_inf_nan=False)]]


class Contract(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class UserContext(Contract):
    id: Identifier
    name: Name
    email: Email
    role: OptionalLabel = None


class TenantContext(Contract):
    id: Identifier
    company: Name
    industry: OptionalLabel = None
    size: OptionalLabel = None


class GoalContext(Contract):
    id: Identifier
    title: Title
    description: Description = None
    status: Label
    target_value: FiniteNumber = None
    current_value: FiniteNumber = None
    due_date: Optional[datetime] = None


class ActionContext(Contract):
    id: Identifier
    title: Title
    description: Description = None
    status: Label
    due_date: Optional[datetime] = None
    goal_id: Optional[Identifier] = None


class KpiContext(Contract):
    id: Identifier
    name: Name
    current_value: FiniteNumber = None
    target_value: FiniteNumber = None
    unit: OptionalLabel = None


class BusinessContext(Contract):
    user: Optional[UserContext] = None
    tenant: Optional[TenantContext] = None
    goals: Annotated[List[GoalContext], Field(max_length=500)] = []
    recent_actions: Annotated[List[ActionContext], Field(max_length=2000)] = []
    kpis: Annotated[List[KpiContext], Field(max_length=500, validation_alias=AliasChoices("kpis", "measures"))] = []
    data_scope: Optional[Identifier] = None
    retrieved_at: Optional[datetime] = None


def time_validation(data: bytes, runs: int) -> List[float]:
    for _ in range(3):
        BusinessContext.model_validate_json(data)
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        BusinessContext.model_validate_json(data)
        samples.append((time.perf_counter_ns() - start) / 1_000)
    return sorted(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("fixtures", nargs="+", help="NAME=PATH")
    args = parser.parse_args()
    for fixture in args.fixtures:
        name, _, path = fixture.partition("=")
        data = Path(path).read_bytes()
        context = BusinessContext.model_validate_json(data)
        samples = time_validation(data, args.runs)
        print(json.dumps({
            "name": name,
            "bytes": len(data),
            "runs": args.runs,
            "goals": len(context.goals),
            "median_us": statistics.median(samples),
            "p90_us": samples[int(0.9 * (len(samples) - 1))],
            "pydantic": pydantic.VERSION,
        }))


if __name__ == "__main__":
    main()
