#!/usr/bin/env bash
# Regenerates every golden fixture under test/fixtures/ with the pinned Python libraries.
# Usage: npm run fixtures [-- gen_name ...]   (no names: every parity/gen_*.py)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
cd "$here/.."
if [ "$#" -gt 0 ]; then scripts=("$@"); else scripts=("$here"/gen_*.py); fi
# Libraries that cannot share that venv have their own, pinned by requirements-<name>.txt: Evidently
# (it cannot import with pandas 3) for gen_*evidently*.py, river for gen_*river*.py.
in_own_venv() {
  local own="$here/.venv-$1"
  if [ ! -x "$own/bin/python" ]; then python3 -m venv "$own"; fi
  "$own/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements-$1.txt"
  "$own/bin/python" "$2"
}
for script in "${scripts[@]}"; do
  case "$script" in */*) ;; *) script="$here/$script" ;; esac
  case "$script" in *.py) ;; *) script="$script.py" ;; esac
  echo "fixtures: $(basename "$script")"
  case "$(basename "$script")" in
    *evidently*) in_own_venv evidently "$script" ;;
    *river*) in_own_venv river "$script" ;;
    *) "$venv/bin/python" "$script" ;;
  esac
done
