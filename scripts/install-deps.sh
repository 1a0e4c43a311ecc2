#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there.
# Debian/Ubuntu: libcurl headers from apt; Python tools from PyPI.
set -euo pipefail

need_apt=()
pkg-config --exists libcurl 2>/dev/null || need_apt+=(libcurl4-openssl-dev)
# make package (zip, strip, objdump) and make package-smoke (debootstrap).
command -v zip >/dev/null || need_apt+=(zip)
command -v unzip >/dev/null || need_apt+=(unzip)
command -v objdump >/dev/null || need_apt+=(binutils)
command -v debootstrap >/dev/null || need_apt+=(debootstrap)
# The playground page's browser test.
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
if [ "${1:-}" = "--all" ]; then
  command -v hyperfine >/dev/null || need_apt+=(hyperfine)
  command -v wrk >/dev/null || need_apt+=(wrk)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi

need_pip=()
command -v moto_server >/dev/null || need_pip+=('moto[server]')
command -v cfn-lint >/dev/null || need_pip+=(cfn-lint)
command -v statelint >/dev/null || need_pip+=(statelint)
python3 -c 'import pytest' 2>/dev/null || need_pip+=(pytest)
python3 -c 'import samtranslator' 2>/dev/null || need_pip+=(aws-sam-translator)
python3 -c 'import pytest' 2>/dev/null || need_pip+=(pytest)
python3 -c 'import samtranslator' 2>/dev/null || need_pip+=(aws-sam-translator)
python3 -c 'import openapi_spec_validator' 2>/dev/null || need_pip+=(openapi-spec-validator)
command -v schemathesis >/dev/null || need_pip+=(schemathesis)
command -v openapi-python-client >/dev/null || need_pip+=(openapi-python-client)
command -v datamodel-codegen >/dev/null || need_pip+=(datamodel-code-generator)
python3 -c 'import email_validator' 2>/dev/null || need_pip+=(email-validator)
python3 -c 'import selenium' 2>/dev/null || need_pip+=(selenium)
if [ ${#need_pip[@]} -gt 0 ]; then
  python3 -m pip install -q "${need_pip[@]}"
fi
