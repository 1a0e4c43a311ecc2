#!/usr/bin/env python3
"""Turns the figures bench/run.sh collected into one table and bench/results/latest.json.

usage: report.py WORK_DIR STARTED_EPOCH LOAD_AT_START OUTPUT_JSON

WORK_DIR holds the JSON lines of every suite (*.jsonl: {"name", "value", "unit"}),
size.txt (scripts/check-binary.sh) and the prompts both handler implementations
built. A figure that appears in several rounds is summarised by its median. The
goals are the ones docs/ARCHITECTURE.md ("Performance promises") and issue 8 set.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

WARM_LONG, WARM_SHORT = 10_000, 1_000


def load_figures(work):
    values = defaultdict(list)
    for path in sorted(work.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("{") and '"name"' in line:
                record = json.loads(line)
                values[record["name"]].append(float(record["value"]))
    figures = {name: statistics.median(samples) for name, samples in values.items()}
    size = (work / "size.txt").read_text(encoding="utf-8") if (work / "size.txt").exists() else ""
    for key in ("stripped_bytes", "zip_bytes"):
        match = re.search(rf"^{key}=(\d+)", size, re.MULTILINE)
        if match:
            figures[f"size.{key}"] = float(match.group(1))
    # Warm CPU per invocation: the slope between the short and the long run, which
    # takes start-up out. Memory growth: the long run's peak over the short run's.
    for label in ("c", "runtime-echo", "bootstrap", "python"):
        long_cpu, short_cpu = figures.get(f"warm.{label}.{WARM_LONG}.cpu"), figures.get(f"warm.{label}.{WARM_SHORT}.cpu")
        if long_cpu is not None and short_cpu is not None:
            figures[f"warm.{label}.cpu_per_invocation"] = (long_cpu - short_cpu) / (WARM_LONG - WARM_SHORT)
    return figures


def prompts_identical(work):
    result = {}
    for size in ("small", "large"):
        swift, python = work / f"prompt-swift-{size}.txt", work / f"prompt-python-{size}.txt"
        result[size] = swift.exists() and python.exists() and swift.read_bytes() == python.read_bytes()
    return result


class Row:
    def __init__(self, section, figure, key, unit, *, other=None, other_label=None, ratio=None, goal=None, scale=1.0):
        self.section, self.figure, self.key, self.unit = section, figure, key, unit
        self.other, self.other_label, self.ratio_kind, self.goal, self.scale = other, other_label, ratio, goal, scale

    def evaluate(self, figures, checks):
        value = figures.get(self.key)
        other = figures.get(self.other) if self.other else None
        row = {
            "section": self.section, "figure": self.figure, "key": self.key, "unit": self.unit,
            "value": None if value is None else value * self.scale,
            "compared_with": self.other_label, "other_value": None if other is None else other * self.scale,
            "ratio": None, "ratio_meaning": None, "goal": None, "met": None,
        }
        if value is not None and other not in (None, 0) and value != 0:
            if self.ratio_kind == "times":
                row["ratio"], row["ratio_meaning"] = value / other, f"x {self.other_label.split(',')[0]}"
            elif self.ratio_kind == "faster":
                row["ratio"], row["ratio_meaning"] = other / value, "x faster"
        if self.goal:
            text, test = self.goal
            row["goal"] = text
            subject = row["ratio"] if self.ratio_kind else row["value"]
            row["met"] = None if subject is None else bool(test(subject, figures, checks))
        return row


def flat(label):
    """Flat: the peak after 10,000 invocations at most 5 % (or 1 MiB) above the peak after 1,000."""
    def test(value, figures, _checks):
        short = figures.get(f"warm.{label}.{WARM_SHORT}.max_rss")
        return short is not None and value <= max(short * 1.05, short + 1024)
    return ("flat: ≤ 1,000-run peak + 5 %", test)


def handler_goal(size):
    return ("≥ 2x, same prompt", lambda ratio, _f, checks: ratio >= 2 and checks["prompts_identical"][size])


ROWS = [
    Row("1 cold start", "bootstrap, spawn → first next, median", "coldstart.bootstrap.median", "ms",
        other="coldstart.c.median", other_label="C libcurl loop", ratio="times", goal=("≤ 1.5x", lambda r, *_: r <= 1.5)),
    Row("1 cold start", "bootstrap, spawn → first next, median", "coldstart.bootstrap.median", "ms",
        other="coldstart.python.median", other_label="Python floor (Pydantic, boto3)", ratio="faster",
        goal=("≥ 30x", lambda r, *_: r >= 30)),
    Row("1 cold start", "bootstrap, p90", "coldstart.bootstrap.p90", "ms", other="coldstart.c.p90", other_label="C libcurl loop", ratio="times"),
    Row("1 cold start", "bootstrap, p90", "coldstart.bootstrap.p90", "ms", other="coldstart.python.p90", other_label="Python floor", ratio="faster"),
    Row("1 cold start", "runtime-echo (runtime only), median", "coldstart.runtime-echo.median", "ms",
        other="coldstart.c.median", other_label="C libcurl loop", ratio="times"),
    Row("1 cold start", "C libcurl loop, median / p90", "coldstart.c.median", "ms", other="coldstart.c.p90", other_label="its p90"),
    Row("1 cold start", "Python floor, median / p90", "coldstart.python.median", "ms", other="coldstart.python.p90", other_label="its p90"),

    Row("2 warm overhead", "runtime-echo, 10,000 echo invocations, wall", f"warm.runtime-echo.{WARM_LONG}.per_invocation", "µs",
        other=f"warm.c.{WARM_LONG}.per_invocation", other_label="C libcurl loop, same mock", ratio="times",
        goal=("≤ 1.5x", lambda r, *_: r <= 1.5)),
    Row("2 warm overhead", "runtime-echo, CPU per invocation", "warm.runtime-echo.cpu_per_invocation", "µs",
        other="warm.c.cpu_per_invocation", other_label="C libcurl loop", ratio="times"),
    Row("2 warm overhead", "bootstrap, health route, wall", f"warm.bootstrap.{WARM_LONG}.per_invocation", "µs",
        other=f"warm.c.{WARM_LONG}.per_invocation", other_label="C echo", ratio="times"),
    Row("2 warm overhead", "bootstrap, health route, CPU per invocation", "warm.bootstrap.cpu_per_invocation", "µs",
        other="warm.c.cpu_per_invocation", other_label="C echo", ratio="times"),
    Row("2 warm overhead", "Python floor echo, wall", f"warm.python.{WARM_LONG}.per_invocation", "µs",
        other=f"warm.runtime-echo.{WARM_LONG}.per_invocation", other_label="runtime-echo", ratio="times"),

    Row("3 handler cost", "small context: validate + prompt", "handler.swift.small.total", "µs",
        other="handler.python.small.total", other_label="Pydantic + Python render", ratio="faster", goal=handler_goal("small")),
    Row("3 handler cost", "large context: validate + prompt", "handler.swift.large.total", "µs",
        other="handler.python.large.total", other_label="Pydantic + Python render", ratio="faster", goal=handler_goal("large")),
    Row("3 handler cost", "small: decode + validate only", "handler.swift.small.validate", "µs",
        other="handler.python.small.validate", other_label="model_validate_json", ratio="faster"),
    Row("3 handler cost", "large: decode + validate only", "handler.swift.large.validate", "µs",
        other="handler.python.large.validate", other_label="model_validate_json", ratio="faster"),
    Row("3 handler cost", "small: prompt build only", "handler.swift.small.prompt", "µs",
        other="handler.python.small.prompt", other_label="Python render", ratio="faster"),
    Row("3 handler cost", "large: prompt build only", "handler.swift.large.prompt", "µs",
        other="handler.python.large.prompt", other_label="Python render", ratio="faster"),

    Row("4 chat turn", "file store + offline coach, p50", "chat.files.p50", "ms", other="chat.files.p99", other_label="p99"),
    Row("4 chat turn", "DynamoDB (moto) + offline coach, p50", "chat.dynamodb.p50", "ms", other="chat.dynamodb.p99", other_label="p99"),
    Row("4 chat turn", "DynamoDB round trips per turn, max", "chat.dynamodb.round_trips.max", "round trips",
        goal=("≤ 2", lambda v, *_: v <= 2)),
    Row("4 chat turn", "DynamoDB GetItem on moto, median", "dynamodb_getitem_median", "µs",
        other="dynamodb_getitem_boto3_median", other_label="boto3, same moto", ratio="faster"),

    Row("5 memory, size", "bootstrap peak RSS after 10,000 (health)", f"warm.bootstrap.{WARM_LONG}.max_rss", "MiB",
        other=f"warm.bootstrap.{WARM_SHORT}.max_rss", other_label="after 1,000", goal=flat("bootstrap"), scale=1 / 1024),
    Row("5 memory, size", "runtime-echo peak RSS after 10,000", f"warm.runtime-echo.{WARM_LONG}.max_rss", "MiB",
        other=f"warm.runtime-echo.{WARM_SHORT}.max_rss", other_label="after 1,000", goal=flat("runtime-echo"), scale=1 / 1024),
    Row("5 memory, size", "bootstrap peak RSS after 10,000", f"warm.bootstrap.{WARM_LONG}.max_rss", "MiB",
        other=f"warm.c.{WARM_LONG}.max_rss", other_label="C libcurl loop", ratio="times", scale=1 / 1024),
    Row("5 memory, size", "bootstrap peak RSS after 10,000", f"warm.bootstrap.{WARM_LONG}.max_rss", "MiB",
        other=f"warm.python.{WARM_LONG}.max_rss", other_label="Python floor", ratio="times", scale=1 / 1024),
    Row("5 memory, size", "stripped static bootstrap", "size.stripped_bytes", "MB",
        goal=("≤ 25 MB", lambda v, *_: v <= 25), scale=1e-6),
    Row("5 memory, size", "zipped bootstrap (zip -9)", "size.zip_bytes", "MB", goal=("≤ 8 MB", lambda v, *_: v <= 8), scale=1e-6),
]


def command_output(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine(load_at_start):
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "")
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME=")), platform.system())
    versions = {}
    for package in ("pydantic", "boto3", "moto"):
        try:
            module = __import__(package)
            versions[package] = getattr(module, "__version__", getattr(module, "VERSION", "?"))
        except ImportError:
            versions[package] = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": memory, "os": os_name, "kernel": platform.release(),
        "swift": command_output("swift", "--version").splitlines()[0] if command_output("swift", "--version") else None,
        "python": platform.python_version(), "libcurl": command_output("curl-config", "--version"),
        "cc": (command_output("cc", "--version").splitlines() or [None])[0], **versions,
        "load_average_at_start": load_at_start, "load_average_at_end": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


def text(value, unit=""):
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def print_table(rows):
    header = ("figure", "value", "unit", "compared with", "other", "ratio", "goal", "met?")
    lines = []
    for row in rows:
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}{row['ratio_meaning']}"
        met = {None: "", True: "met", False: "MISSED"}[row["met"]]
        lines.append((row["figure"], text(row["value"]), row["unit"], row["compared_with"] or "", text(row["other_value"])
                      if row["compared_with"] else "", ratio, row["goal"] or "", met))
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(len(header))]

    def render(cells):
        return "  ".join(cell.rjust(width) if index in (1, 4, 5) else cell.ljust(width)
                         for index, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    print(render(header))
    print("  ".join("-" * width for width in widths))
    section = None
    for row, line in zip(rows, lines):
        if row["section"] != section:
            section = row["section"]
            print(f"[{section}]")
        print(render(line))


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    work, started, load_at_start, output = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    figures = load_figures(work)
    checks = {"prompts_identical": prompts_identical(work)}
    rows = [row.evaluate(figures, checks) for row in ROWS]
    duration = time.time() - started
    print_table(rows)
    missing = [row["key"] for row in rows if row["value"] is None]
    for size, same in checks["prompts_identical"].items():
        print(f"prompt check ({size} context): Swift and Python prompts {'byte-identical' if same else 'DIFFER'}")
    missed = [row["figure"] for row in rows if row["met"] is False]
    print(f"goals: {sum(row['met'] is True for row in rows)} met, {len(missed)} missed"
          + (f" ({'; '.join(missed)})" if missed else "") + f"; make bench took {duration:.0f} s")
    if missing:
        print(f"figures missing: {', '.join(missing)}")
    commit = command_output("git", "rev-parse", "--short", "HEAD")
    dirty = bool(command_output("git", "status", "--porcelain", "--untracked-files=no"))
    report = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "git_commit": commit + ("+changes" if dirty else ""),
        "duration_seconds": round(duration, 1),
        "machine": machine(load_at_start),
        "checks": checks,
        "rows": rows,
        "figures": dict(sorted(figures.items())),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {output}")
    return 1 if missing or not all(checks["prompts_identical"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
