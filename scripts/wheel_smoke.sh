#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh virtualenv, and use it from an
# empty temporary folder: the calculator, drafting a letter from the shipped case pack and
# templates, and the window (offscreen) on a new log. Fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quietly() {  # pip's chatter goes to a file, shown only when a step fails
  "$@" >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; exit 1; }
}
quietly "$python" -m pip wheel --disable-pip-version-check --no-deps -w "$work/dist" .
quietly "$python" -m venv "$work/venv"
quietly "$work/venv/bin/python" -m pip install --disable-pip-version-check "$work"/dist/foiadesk-*.whl

cd "$work"
mkdir run && cd run
export FOIADESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
foiadesk="$work/venv/bin/foiadesk"

due=$("$foiadesk" due --received 2026-11-24)
[ "$due" = "2026-12-23" ] || { echo "wheel smoke: due gave '$due', expected 2026-12-23" >&2; exit 1; }

shipped=$("$work/venv/bin/python" -c 'from foiadesk.core.paths import RESOURCES; print(RESOURCES)')
case "$shipped" in "$work/venv/"*) ;; *) echo "wheel smoke: resources read from $shipped" >&2; exit 1 ;; esac
cp "$shipped/profiles/example.toml" profile.toml
"$foiadesk" draft --case irs-ice-mou --component TIGTA --profile profile.toml --out tigta.docx --db log.sqlite3 >/dev/null
[ -s tigta.docx ] || { echo "wheel smoke: draft wrote no letter" >&2; exit 1; }
"$foiadesk" --db log.sqlite3 requests | grep -q TIGTA || { echo "wheel smoke: the draft was not logged" >&2; exit 1; }

"$foiadesk" --db log.sqlite3 --screenshot window.png 2>/dev/null
[ -s window.png ] || { echo "wheel smoke: the window drew nothing" >&2; exit 1; }
echo "wheel smoke: installed wheel ran due, draft, requests and the window from $PWD"
