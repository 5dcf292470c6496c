#!/usr/bin/env bash
# Build the standalone program: dist/clinic-intake/clinic-intake (one folder, no Python
# needed on the PC). Usage: packaging/build.sh   (from anywhere; Linux and macOS — the Windows
# build is .github/workflows/windows.yml). The checkout is installed, not editable, into a
# build environment of its own (build/bundle-venv) with PyInstaller, so the bundle holds
# what a wheel holds and no test tool.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
venv=build/bundle-venv
python=${PYTHON:-python3}
[[ -x $venv/bin/pip ]] || "$python" -m venv --clear "$venv"
"$venv/bin/pip" install -q --upgrade 'pyinstaller>=6.10,<7' .
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/clinic-intake.spec
# The unpacked size (the sum of the files' sizes), as the installer and `du --apparent-size` say.
size=$("$venv/bin/python" -c 'import pathlib, sys; print(round(sum(p.stat().st_size for p in pathlib.Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink()) / 2**20, 1))' dist/clinic-intake)
echo "build: dist/clinic-intake/clinic-intake, ${size} MiB unpacked, built in $(( $(date +%s) - started )) s"
