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
# Evidently cannot import with pandas 3: its fixtures (gen_*evidently*.py) use a second venv
# pinned by requirements-evidently.txt.
evidently_venv="$here/.venv-evidently"
for script in "${scripts[@]}"; do
  case "$script" in */*) ;; *) script="$here/$script" ;; esac
  case "$script" in *.py) ;; *) script="$script.py" ;; esac
  echo "fixtures: $(basename "$script")"
  case "$(basename "$script")" in
    *evidently*)
      if [ ! -x "$evidently_venv/bin/python" ]; then python3 -m venv "$evidently_venv"; fi
      "$evidently_venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements-evidently.txt"
      "$evidently_venv/bin/python" "$script" ;;
    *) "$venv/bin/python" "$script" ;;
  esac
done
