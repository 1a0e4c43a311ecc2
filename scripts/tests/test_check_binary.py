"""scripts/check-binary.sh on small binaries built here with the C compiler:
one that needs GLIBC_2.35 the way our static Swift runtime does (hypotf),
one that does not, and one padded past the size limits."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts/check-binary.sh"
COMPILER = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")

pytestmark = pytest.mark.skipif(COMPILER is None, reason="no C compiler")


def _host_glibc() -> tuple[int, ...]:
    version = subprocess.run(["getconf", "GNU_LIBC_VERSION"], capture_output=True, text=True).stdout.split()[-1]
    return tuple(int(p) for p in version.split("."))


def _build(tmp_path: pathlib.Path, name: str, source: str) -> pathlib.Path:
    (tmp_path / f"{name}.c").write_text(source)
    binary = tmp_path / name
    subprocess.run([COMPILER, "-O2", "-o", str(binary), str(tmp_path / f"{name}.c"), "-lm"], check=True)
    return binary


def _check(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *map(str, args)], capture_output=True, text=True)


HYPOTF = '#include <math.h>\n#include <stdio.h>\nint main(int c, char **v) { printf("%f\\n", hypotf(c, 2.0f)); return 0; }\n'
PLAIN = '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n'


@pytest.mark.skipif(_host_glibc() < (2, 35), reason="needs a host whose libm has hypotf@GLIBC_2.35")
def test_glibc_235_fails_for_lambda_and_is_reported_for_a_host_build(tmp_path):
    binary = _build(tmp_path, "needs235", HYPOTF)

    lambda_mode = _check(binary)
    assert lambda_mode.returncode == 1
    assert "glibc_required=2.35" in lambda_mode.stdout
    assert "hypotf@GLIBC_2.35" in lambda_mode.stdout
    assert "FAIL: needs glibc 2.35" in lambda_mode.stdout

    host_mode = _check("--host-build", binary)
    assert host_mode.returncode == 0, host_mode.stdout
    assert "expected for a host build" in host_mode.stdout
    assert "NOT DEPLOYABLE" in host_mode.stdout


def test_binary_within_234_passes(tmp_path):
    binary = _build(tmp_path, "plain", PLAIN)

    result = _check(binary)

    assert result.returncode == 0, result.stdout
    required = result.stdout.split("glibc_required=")[1].split()[0]
    assert tuple(int(p) for p in required.split(".")) <= (2, 34)
    assert "stripped_bytes=" in result.stdout and "zip_bytes=" in result.stdout


def test_sizes_over_the_limits_fail_in_both_modes(tmp_path):
    binary = _build(tmp_path, "plain", PLAIN)
    blob = tmp_path / "blob.bin"
    blob.write_bytes(os.urandom(26_000_000))  # incompressible: the zip is over 8 MB too
    padded = tmp_path / "padded"
    subprocess.run(["objcopy", "--add-section", f".blob={blob}", str(binary), str(padded)], check=True)

    for args in ((padded,), ("--host-build", padded)):
        result = _check(*args)
        assert result.returncode == 1
        assert "FAIL: stripped binary is" in result.stdout
        assert "FAIL: zip is" in result.stdout
