#!/usr/bin/env bash
# Refreshes the .ts files from the sources (every folder under ui/, app/gui, app/cli and the user-facing
# messages of app/common): new strings arrive as unfinished, strings no longer in the code are dropped. The same
# extraction as `cmake --build build --target update_translations`, without a configured build.
#   translations/refresh.sh [TS_FILE...]   (default: every translations/*.ts)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
qt=/usr/include/x86_64-linux-gnu/qt6
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(translations/*.ts)
/usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations none -I ui -I core -I app \
  -I "$qt" -I "$qt/QtCore" -I "$qt/QtGui" -I "$qt/QtWidgets" \
  ui app/gui app/cli app/common/ModelDownloader.cpp app/common/ModelStore.cpp -ts "${files[@]}"
for ts in "${files[@]}"; do
  echo "$ts: $(grep -c '<message' "$ts") strings, $(grep -c 'type="unfinished"' "$ts") unfinished"
done
