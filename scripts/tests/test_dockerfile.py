"""The Dockerfile cannot be built here (no Docker engine), so its structure
is checked instead: the pinned Amazon Linux Swift image, the exact build
command, strip, the glibc/size check without --host-build, the run on the
real provided.al2023 image, bootstrap at the root of the zip, and a build
context (.dockerignore) that holds every file the COPY lines need."""

from __future__ import annotations

import fnmatch
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]
DOCKERFILE = (REPO / "Dockerfile").read_text()
# Instructions with their continuation lines joined.
INSTRUCTIONS = [
    line.strip() for line in re.sub(r"\\\n", " ", DOCKERFILE).splitlines()
    if line.strip() and not line.lstrip().startswith("#")
]


def _stages():
    stages, current = {}, None
    for instruction in INSTRUCTIONS:
        if instruction.startswith("FROM "):
            match = re.match(r"FROM (\S+) AS (\w+)", instruction)
            assert match, instruction
            current = match.group(2)
            stages[current] = {"from": match.group(1), "lines": []}
        elif current:
            stages[current]["lines"].append(instruction)
    return stages


STAGES = _stages()


def _arg_default(name):
    match = re.search(rf"^ARG {name}=(\S+)$", DOCKERFILE, re.M)
    assert match, name
    return match.group(1)


def test_stages_chain_build_verify_package_export():
    assert list(STAGES) == ["build", "verify", "package", "export"]
    assert STAGES["build"]["from"] == "${SWIFT_IMAGE}"
    assert STAGES["verify"]["from"] == "${RUNTIME_IMAGE}"
    assert STAGES["package"]["from"] == "build"
    assert STAGES["export"]["from"] == "scratch"
    assert any("--from=verify" in line for line in STAGES["package"]["lines"])
    assert any("--from=package" in line for line in STAGES["export"]["lines"])


def test_images_are_pinned_amazon_linux_2023():
    assert re.fullmatch(r"swift:6\.3\.\d+-amazonlinux2023", _arg_default("SWIFT_IMAGE"))
    assert _arg_default("RUNTIME_IMAGE") == "public.ecr.aws/lambda/provided:al2023"


def test_build_stage_compiles_strips_and_enforces_lambda_limits():
    lines = " ".join(STAGES["build"]["lines"])
    assert "swift build -c release --static-swift-stdlib --product bootstrap" in lines
    assert "strip /out/bootstrap" in lines
    checks = re.findall(r"scripts/check-binary\.sh[^|&;]*", lines)
    assert checks and all("--host-build" not in c for c in checks)
    assert 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' in STAGES["build"]["lines"]


def test_architecture_comes_from_a_build_argument():
    assert re.search(r"^ARG LAMBDA_ARCH=arm64$", DOCKERFILE, re.M)
    build = " ".join(STAGES["build"]["lines"])
    assert "arm64) expected=aarch64" in build and "x86_64) expected=x86_64" in build
    assert "uname -m" in build


def test_verify_stage_runs_the_binary_on_the_runtime_image():
    lines = " ".join(STAGES["verify"]["lines"])
    assert "LD_TRACE_LOADED_OBJECTS=1" in lines and "not found" in lines
    assert "/var/task/lib" in lines
    run = STAGES["verify"]["lines"][-1]
    assert "bootstrap help" not in run
    # The health route, then a chat turn whose model call really goes through libcurl.
    assert "/var/task/bootstrap invoke /tmp/events/health.json" in run
    assert "/var/task/bootstrap invoke /tmp/events/coaching-chat.json" in run
    assert "LLM_PROVIDER=openai" in run and "grep -q '\"fallback\":true'" in run
    assert run.count("grep -q '\"statusCode\":200'") == 2


def test_package_puts_bootstrap_at_the_zip_root_and_checks_the_zip():
    lines = " ".join(STAGES["package"]["lines"])
    assert "cd /package" in lines
    # Deterministic: fixed mtimes in UTC, sorted names, no extra fields or directory entries.
    assert 'TZ=UTC touch -h -d "1980-01-01 00:00:00"' in lines
    assert "LC_ALL=C sort | TZ=UTC zip -q -9 -X -D -@ /out/coaching-lambda.zip" in lines
    assert "grep -qx bootstrap" in lines
    assert "check-binary.sh --zip /out/coaching-lambda.zip" in lines


def _ignored(path: str, patterns: list[str]) -> bool:
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        bare = pattern[1:] if negate else pattern
        bare = bare.rstrip("/")
        candidates = [path] + [str(p) for p in pathlib.PurePosixPath(path).parents if str(p) != "."]
        if any(fnmatch.fnmatch(c, bare) or fnmatch.fnmatch(c, bare.replace("**/", "")) for c in candidates):
            ignored = not negate
    return ignored


def test_build_context_keeps_what_copy_needs_and_drops_the_rest():
    patterns = [l.strip() for l in (REPO / ".dockerignore").read_text().splitlines() if l.strip() and not l.startswith("#")]
    sources = []
    for stage in STAGES.values():
        for line in stage["lines"]:
            if line.startswith("COPY ") and "--from=" not in line:
                sources.extend(line.split()[1:-1])
    assert sources
    for source in sources:
        assert (REPO / source).exists(), source
        assert not _ignored(source, patterns), source
    for dropped in (".build/release/bootstrap", "dist/coaching-lambda.zip", "docs/DEPLOY.md", "events/manifest.json", ".git/HEAD"):
        assert _ignored(dropped, patterns), dropped
