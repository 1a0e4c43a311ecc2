"""The Docker-free packaging path and the `sam build` hook, without a Swift
build: scripts/package.sh refuses arm64 (no arm64 Swift SDK here) before
building anything, and `make build-CoachingFunction` (what `sam build` runs)
fails clearly when the zip is missing or has no bootstrap at its root."""

from __future__ import annotations

import pathlib
import subprocess
import zipfile

REPO = pathlib.Path(__file__).resolve().parents[2]


def _make(*args, **env):
    return subprocess.run(["make", "-s", "-C", str(REPO), *args, *(f"{k}={v}" for k, v in env.items())],
                          capture_output=True, text=True)


def test_arm64_is_refused_on_the_host_path_with_the_reason():
    result = subprocess.run(["bash", str(REPO / "scripts/package.sh"), "arm64"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "no arm64 Swift SDK" in result.stderr
    assert "make package-docker ARCH=arm64" in result.stderr
    assert "Building" not in result.stdout  # refused before any build


def test_unknown_architectures_are_refused():
    result = subprocess.run(["bash", str(REPO / "scripts/package.sh"), "riscv64"], capture_output=True, text=True)
    assert result.returncode == 2 and "ARCH must be x86_64" in result.stderr


def test_sam_build_fails_clearly_without_the_zip(tmp_path):
    result = _make("build-CoachingFunction", PACKAGE_ZIP=tmp_path / "missing.zip", ARTIFACTS_DIR=tmp_path / "out")
    assert result.returncode != 0
    assert f"sam build: {tmp_path / 'missing.zip'} does not exist" in result.stderr
    assert "make package ARCH=x86_64" in result.stderr
    assert not (tmp_path / "out").exists()


def test_sam_build_refuses_a_zip_without_bootstrap_at_its_root(tmp_path):
    package = tmp_path / "coaching-lambda.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("nested/bootstrap", "#!/bin/sh\n")
    result = _make("build-CoachingFunction", PACKAGE_ZIP=package, ARTIFACTS_DIR=tmp_path / "out")
    assert result.returncode != 0
    assert "has no bootstrap at its root" in result.stderr


def test_sam_build_copies_the_zip_into_the_artifacts_directory(tmp_path):
    package = tmp_path / "coaching-lambda.zip"
    info = zipfile.ZipInfo("bootstrap")
    info.external_attr = 0o100755 << 16
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr(info, "#!/bin/sh\necho hi\n")
    (tmp_path / "coaching-lambda.arch").write_text("x86_64\n")
    out = tmp_path / "out"
    out.mkdir()
    result = _make("build-CoachingFunction", PACKAGE_ZIP=package, ARTIFACTS_DIR=out)
    assert result.returncode == 0, result.stderr
    assert (out / "bootstrap").read_text() == "#!/bin/sh\necho hi\n"
    assert (out / "bootstrap").stat().st_mode & 0o111
    assert "(x86_64)" in result.stdout
