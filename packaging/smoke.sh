#!/usr/bin/env bash
# Smoke test of the built program (dist/clinic-intake by default, or the folder given):
# run as on a clinic PC with no Python and no checkout — PATH of the system's folders only,
# no PYTHONPATH, from an empty folder elsewhere — `--version`, `db upgrade` and `screen` on
# SQLite and on a fresh PostgreSQL database (127.0.0.1:5432, user postgres, trust; made and
# dropped here; skipped with a note when no server answers and SMOKE_NEED_POSTGRES is not 1),
# then `--demo` on Qt's offscreen platform until the main window is shown, quitting cleanly.
# Usage: packaging/smoke.sh [BUNDLE_FOLDER]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/clinic-intake}" && pwd)
program="$bundle/clinic-intake"
[[ -x $program ]] || { echo "smoke: no program at $program (run packaging/build.sh)"; exit 1; }
work=$(mktemp -d)
pg_db=""
cleanup() {
  if [[ -n $pg_db ]]; then
    psql_ -c "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/cwd"
failures=0

# The program as a clinic PC runs it: a clean environment with the system's PATH.
run() {  # run LABEL EXPECTED_EXIT [VAR=VALUE...] -- ARGS...
  local label=$1 expected=$2; shift 2
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done
  shift
  local started code
  started=$(date +%s%N)
  set +e
  (cd "$work/cwd" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
     INTAKE_DATA_DIR="$work/data" "${vars[@]}" "$program" "$@") >"$work/out" 2>"$work/err"
  code=$?
  set -e
  local tenths=$(( ($(date +%s%N) - started) / 100000000 ))
  local took="$((tenths / 10)).$((tenths % 10))"
  if [[ $code -eq $expected ]]; then
    echo "smoke: ok   $label (${took} s)"
  else
    echo "smoke: FAIL $label: exit $code, wanted $expected"
    sed 's/^/  out: /' "$work/out" | tail -20
    sed 's/^/  err: /' "$work/err" | tail -20
    failures=$((failures + 1))
  fi
}

psql_() {
  if command -v psql >/dev/null; then
    psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres "$@"
  else
    return 1
  fi
}

run "--version" 0 -- --version
grep -q "^Clinic Intake .* (schema revision .*)$" "$work/out" || {
  echo "smoke: FAIL --version printed: $(cat "$work/out")"; failures=$((failures + 1)); }
echo "smoke: $(cat "$work/out")"

# screen: a neck-pain caller with no warning sign answers; the result is JSON.
cat >"$work/cwd/answers.json" <<'JSON'
{}
JSON
run "screen FILE" 0 -- screen answers.json
grep -q '"triage"' "$work/out" 2>/dev/null || grep -q '"errors"' "$work/out" || {
  echo "smoke: FAIL screen printed no result"; failures=$((failures + 1)); }

run "db upgrade (SQLite)" 0 -- db upgrade
run "db check (SQLite)" 0 -- db check

if psql_ -c "SELECT 1" >/dev/null 2>&1; then
  pg_db="intake_smoke_$$_$(date +%s)"
  psql_ -c "CREATE DATABASE \"$pg_db\"" >/dev/null
  url="postgresql+psycopg://postgres@127.0.0.1:5432/$pg_db"
  run "db upgrade (PostgreSQL)" 0 INTAKE_DATABASE_URL="$url" -- db upgrade
  run "db check (PostgreSQL)" 0 INTAKE_DATABASE_URL="$url" -- db check
elif [[ ${SMOKE_NEED_POSTGRES:-0} == 1 ]]; then
  echo "smoke: FAIL no PostgreSQL at 127.0.0.1:5432 (or no psql)"; failures=$((failures + 1))
else
  echo "smoke: skip PostgreSQL: no server at 127.0.0.1:5432 (or no psql)"
fi

run "--demo until the main window is shown (offscreen)" 0 \
  QT_QPA_PLATFORM=offscreen INTAKE_SMOKE_QUIT_AFTER_SHOWN=1 -- --demo
grep -q "main window shown: True" "$work/err" || {
  echo "smoke: FAIL --demo did not report the main window shown"; failures=$((failures + 1)); }
if grep -qi "traceback\|unexpected error\|intake.bug" "$work/err" "$work/data"/logs/*.log 2>/dev/null
then
  echo "smoke: FAIL --demo wrote an error:"
  grep -ih -A8 "traceback\|intake.bug" "$work/err" "$work/data"/logs/*.log | head -30
  failures=$((failures + 1))
fi

# In Spanish: the program's own words (the .qm the build compiled into the bundle) and Qt's
# (qtbase_es.qm, kept by the spec), with no lrelease on the PC.
run "--demo in Spanish (offscreen)" 0 \
  QT_QPA_PLATFORM=offscreen INTAKE_SMOKE_QUIT_AFTER_SHOWN=1 INTAKE_LANGUAGE=es -- --demo
grep -q "interface: es_US, translations: intake_es-.*\.qm, qtbase_es\.qm$" "$work/err" || {
  echo "smoke: FAIL --demo in Spanish did not load both translations:"
  grep "smoke:" "$work/err"; failures=$((failures + 1)); }

if [[ $failures -gt 0 ]]; then
  echo "smoke: $failures failed"; exit 1
fi
size=$(du -sh --apparent-size "$bundle" 2>/dev/null || du -sh "$bundle")
echo "smoke: all passed (bundle ${size%%[[:space:]]*})"
