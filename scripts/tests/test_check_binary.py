"""scripts/check-binary.sh on small binaries built here with the C compiler:
one that needs GLIBC_2.35 the way the static Swift runtime does (hypotf), the
same with the CGlibcCompat shim linked in, one that needs a GLIBCXX newer than
Amazon Linux 2023's, one that needs neither, and one padded past the size
limits. The check is strict in every case: there is no host-build mode."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts/check-binary.sh"
SHIM = REPO / "Sources/CGlibcCompat/hypotf.c"
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
def test_glibc_235_fails_and_the_shim_brings_it_to_234(tmp_path):
    binary = _build(tmp_path, "needs235", HYPOTF)

    result = _check(binary)
    assert result.returncode == 1
    assert "glibc_required=2.35" in result.stdout
    assert "hypotf@GLIBC_2.35" in result.stdout
    assert "FAIL: needs GLIBC_2.35" in result.stdout
    assert _check("--host-build", binary).returncode == 2  # the lenient mode is gone

    shimmed = tmp_path / "shimmed"
    subprocess.run([COMPILER, "-O2", "-o", str(shimmed), str(tmp_path / "needs235.c"), str(SHIM), "-lm"], check=True)
    fixed = _check(shimmed)
    assert fixed.returncode == 0, fixed.stdout
    assert "glibc_required=2.35" not in fixed.stdout
    assert subprocess.run([str(shimmed)], capture_output=True, text=True).stdout.strip() == "2.236068"


def test_glibcxx_newer_than_amazon_linux_fails(tmp_path):
    # A library whose symbol carries the GLIBCXX_3.4.30 version node (GCC 12),
    # one past AL2023's GCC 11 libstdc++.
    (tmp_path / "fake.map").write_text("GLIBCXX_3.4.30 { global: fake_cxx_symbol; local: *; };\n")
    (tmp_path / "fake.c").write_text("int fake_cxx_symbol(void) { return 0; }\n")
    library = tmp_path / "libfakecxx.so"
    subprocess.run([COMPILER, "-shared", "-fPIC", "-o", str(library), str(tmp_path / "fake.c"),
                    f"-Wl,--version-script={tmp_path / 'fake.map'}"], check=True)
    (tmp_path / "user.c").write_text("int fake_cxx_symbol(void);\nint main(void) { return fake_cxx_symbol(); }\n")
    binary = tmp_path / "user"
    subprocess.run([COMPILER, "-o", str(binary), str(tmp_path / "user.c"), f"-L{tmp_path}", "-lfakecxx"], check=True)

    result = _check(binary)

    assert result.returncode == 1
    assert "glibcxx_required=3.4.30" in result.stdout
    assert "fake_cxx_symbol@GLIBCXX_3.4.30" in result.stdout
    assert "FAIL: needs GLIBCXX_3.4.30, newer than Lambda's 3.4.29" in result.stdout


def test_runs_without_cmp(tmp_path):
    # Build images may lack diffutils: the check must not need cmp.
    tools = tmp_path / "bin"
    tools.mkdir()
    for directory in ("/usr/local/bin", "/usr/bin", "/bin"):
        for tool in pathlib.Path(directory).iterdir():
            target = tools / tool.name
            if tool.name != "cmp" and not target.exists():
                target.symlink_to(tool)
    binary = _build(tmp_path, "plain", PLAIN)
    subprocess.run(["strip", str(binary)], check=True)

    result = subprocess.run(["bash", str(SCRIPT), str(binary)], capture_output=True, text=True,
                            env={**os.environ, "PATH": str(tools)})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "already stripped" in result.stdout  # the comparison itself works without cmp


def test_binary_within_234_passes(tmp_path):
    binary = _build(tmp_path, "plain", PLAIN)

    result = _check(binary)

    assert result.returncode == 0, result.stdout
    required = result.stdout.split("glibc_required=")[1].split()[0]
    assert tuple(int(p) for p in required.split(".")) <= (2, 34)
    assert "stripped_bytes=" in result.stdout and "zip_bytes=" in result.stdout


def test_sizes_over_the_limits_fail(tmp_path):
    binary = _build(tmp_path, "plain", PLAIN)
    blob = tmp_path / "blob.bin"
    blob.write_bytes(os.urandom(26_000_000))  # incompressible: the zip is over 8 MB too
    padded = tmp_path / "padded"
    subprocess.run(["objcopy", "--add-section", f".blob={blob}", str(binary), str(padded)], check=True)

    result = _check(padded)
    assert result.returncode == 1
    assert "FAIL: stripped binary is" in result.stdout
    assert "FAIL: zip is" in result.stdout
