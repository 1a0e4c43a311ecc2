#!/usr/bin/env python3
"""Deterministic business-context fixtures for the contracts benchmark.

usage: make_large_context.py OUTDIR
writes OUTDIR/large-context.json (500 goals, 2,000 actions, 200 KPIs) and
OUTDIR/small-context.json (the size of a typical Pattern A request), and
OUTDIR/large-request.json and OUTDIR/small-request.json: a chat request
(POST /api/v1/coaching/chat body) carrying each context.
"""
import json
import random
import sys
from pathlib import Path

SEED = 20251001
WORDS = (
    "grow revenue customer retention launch product market expand team hire train reduce cost improve margin "
    "quality delivery partner wholesale online store brand awareness pilot program review quarterly plan budget "
    "supplier contract onboarding churn referral pricing bundle subscription café résumé naïve coöperate"
).split()
GOAL_STATUSES = ["active", "on_track", "at_risk", "off_track", "completed", "paused"]
ACTION_STATUSES = ["not_started", "in_progress", "completed", "blocked", "cancelled"]
REQUEST_PREFIX = '{"message":"Where should we focus this quarter?","topic":"core_values","source":"direct","business_context":'
UNITS = ["USD", "EUR", "%", "customers", "orders", "hours", "NPS", "ratio"]


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def date(rng):
    year, month, day = 2025 + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randint(0, 3)
    if style == 0:
        return f"{year:04d}-{month:02d}-{day:02d}"
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    base = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    if style == 1:
        return base + "Z"
    if style == 2:
        return base + f".{rng.randint(0, 999_999):06d}Z"
    return base + rng.choice(["+02:00", "-05:00", "+09:30"])


def ident(rng, prefix):
    return f"{prefix}-{rng.getrandbits(64):016x}"


def goal(rng):
    target = rng.choice([100, 1000, 25_000, 1_200_000, 60, 20])
    item = {
        "id": ident(rng, "goal"),
        "title": sentence(rng, 4, 10),
        "status": rng.choice(GOAL_STATUSES),
        "target_value": target,
        "current_value": round(target * rng.random(), 2),
        "due_date": date(rng),
    }
    if rng.random() < 0.7:
        item["description"] = sentence(rng, 12, 40) + "."
    return item


def action(rng, goal_ids):
    item = {
        "id": ident(rng, "action"),
        "title": sentence(rng, 3, 8),
        "status": rng.choice(ACTION_STATUSES),
        "due_date": date(rng),
    }
    if rng.random() < 0.8:
        item["goal_id"] = rng.choice(goal_ids)
    if rng.random() < 0.4:
        item["description"] = sentence(rng, 8, 25) + "."
    return item


def kpi(rng):
    target = rng.choice([1, 100, 5000, 250_000])
    return {
        "id": ident(rng, "kpi"),
        "name": sentence(rng, 2, 5),
        "current_value": round(target * rng.uniform(0.2, 1.3), 3),
        "target_value": target,
        "unit": rng.choice(UNITS),
    }


def context(rng, goals, actions, kpis):
    goal_items = [goal(rng) for _ in range(goals)]
    goal_ids = [item["id"] for item in goal_items] or ["goal-none"]
    return {
        "user": {"id": ident(rng, "user"), "name": "Maria Okafor", "email": "maria@northwind.example", "role": "owner"},
        "tenant": {"id": ident(rng, "tenant"), "company": "Northwind Bakery", "industry": "Food & Beverage", "size": "11-50"},
        "goals": goal_items,
        "recent_actions": [action(rng, goal_ids) for _ in range(actions)],
        "kpis": [kpi(rng) for _ in range(kpis)],
        "data_scope": "coaching_context",
        "retrieved_at": "2025-10-01T12:00:00Z",
    }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    for name, sizes in (("large-context.json", (500, 2000, 200)), ("small-context.json", (5, 10, 5))):
        text = json.dumps(context(rng, *sizes), ensure_ascii=False, separators=(",", ":"))
        (out / name).write_text(text, encoding="utf-8")
        print(f"{name}: {len(text.encode())} bytes", file=sys.stderr)
        request = REQUEST_PREFIX + text + "}"
        (out / name.replace("-context", "-request")).write_text(request, encoding="utf-8")


if __name__ == "__main__":
    main()
