"""Fixtures for the orchestrator execution tests.

``MOTO_URL`` points at a running moto server (scripts/test-orchestrator.sh
starts one on a free loopback port with ``MOTO_PORT`` set, which moto's Step
Functions interpreter needs to reach its own Lambda API). Without it, the
fixture starts one itself the same way. Both use moto_server.py: moto's own
server with its JSONPath parsing memoized.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import fast_jsonpath  # noqa: E402
from harness import ServerStepFunctions  # noqa: E402

fast_jsonpath.install()  # for the in-process executions (test_typed_errors.py)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen | None) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError("moto_server exited early")
        try:
            with urllib.request.urlopen(url + "/moto-api/", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("moto_server did not start within 30 s")


@pytest.fixture(scope="session")
def moto_url():
    url = os.environ.get("MOTO_URL")
    if url:
        _wait_until_up(url, None)
        yield url
        return
    port = _free_port()
    env = dict(os.environ, MOTO_PORT=str(port))
    process = subprocess.Popen(
        [sys.executable, os.path.join(os.path.dirname(__file__), "moto_server.py"), "-H", "127.0.0.1", "-p", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def server(moto_url) -> ServerStepFunctions:
    return ServerStepFunctions(moto_url)
