#!/usr/bin/env bash
# Build the one-folder desktop bundle into dist/loopwise/ with PyInstaller.
# Needs only the package registry (pip); PyInstaller itself makes no network calls.
#   packaging/build_bundle.sh            # uses .venv, installs the [package] extra first
# Then run dist/loopwise/loopwise. Install the .desktop file, metainfo and icons from packaging/.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m pip install -q -e '.[package]'
"$python" -m PyInstaller --noconfirm --clean \
  --distpath dist --workpath build/pyinstaller packaging/loopwise.spec
du -sm dist/loopwise | awk '{print "bundle size: " $1 " MB (dist/loopwise)"}'
