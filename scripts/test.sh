#!/usr/bin/env bash
# Install what the tests need into .venv and run the linter and the whole suite.
# Used by the README quick start and by CI (.ci/run). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# Debian's Chromium renders reports and drives the browser tests; tests that need it
# are skipped with a reason where it cannot be installed (not root, no apt). OpenSSL's
# `ts` command is the school's time-stamp authority (artcharter tsa serve); OpenCV (the
# invisible watermark) loads libGL and GLib.
if ! { command -v chromium && command -v pdftoppm && command -v zbarimg && command -v openssl && ldconfig -p 2>/dev/null | grep -q "libGL.so.1"; } >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils zbar-tools openssl libgl1 libglib2.0-0 >/dev/null) \
    || echo "note: chromium could not be installed; browser tests will be skipped" >&2
fi
# A second, independent C2PA validator (pure TypeScript, from npm) that tests run beside
# c2pa-python; its tests are skipped with a reason where npm is missing.
if command -v npm >/dev/null 2>&1; then
  # `npm install`, not `npm ci`: npm 11's `ci` calls this lock out of sync for the
  # platform packages cbor-extract lists as optional; `install` keeps the locked versions.
  (cd tests/validators && npm install --silent --no-audit --no-fund) \
    || echo "note: the c2pa-ts validator could not be installed; its tests will be skipped" >&2
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
