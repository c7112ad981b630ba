#!/usr/bin/env bash
# Rebuilds the analysis evaluation corpus (issue 17) into OUT (default build/corpus; git ignores build*/).
#   tests/corpus/build_corpus.sh [OUT] [--subset ci]
# Needs (packaging/dev.sh installs them): python3-numpy python3-mido fluidsynth fluid-soundfont-gm hydrogen
# hydrogen-data hydrogen-drumkits openttd-openmsx planetblupi-music-midi. Debian's python3 (not a venv's).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../../build/corpus}"
shift || true
check=()
[ "${1:-}" != "--subset" ] && check=(--check "$here/truth.tsv")
exec /usr/bin/python3 "$here/build_corpus.py" "$out" "${check[@]}" "$@"
