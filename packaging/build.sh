#!/usr/bin/env bash
# Build the OM Planner bundle with one command, from a clean checkout:
#   bash packaging/build.sh            -> dist/omplanner/ (run dist/omplanner/omplanner)
# It makes a build venv (.venv-build, or $VENV), installs the app with its 'packaging' extra,
# runs PyInstaller, refuses a build whose log has "Library not found" (a bundle that would break
# on another machine), runs the smoke test on the built bundle, and prints the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-build}
export PIP_DISABLE_PIP_VERSION_CHECK=1

if [[ "$(uname -s)" == "Linux" ]]; then
  bash packaging/install-system-deps.sh --test  # Qt's libraries, objdump for PyInstaller, pdftoppm
fi
[[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q -e '.[packaging]'

mkdir -p build
log=build/pyinstaller.log
echo "== PyInstaller (log: $log)"
if ! "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
     --distpath dist --workpath build/pyinstaller packaging/pyinstaller/omplanner.spec >"$log" 2>&1; then
  tail -30 "$log"
  echo "build.sh: PyInstaller failed; the whole log is in $log" >&2
  exit 1
fi
if grep -n "Library not found" "$log"; then
  echo "build.sh: PyInstaller could not find the libraries above; the bundle would fail on another" \
       "machine. Install them (packaging/install-system-deps.sh) or exclude what needs them." >&2
  exit 1
fi

echo "== smoke test of the built bundle"
"$VENV/bin/python" packaging/smoke_test.py dist/omplanner
echo "== bundle: dist/omplanner, $(du -sh dist/omplanner | cut -f1)"
