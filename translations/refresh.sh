#!/usr/bin/env bash
# Refreshes the .ts files from the sources (every folder under ui/, app/gui, app/cli and the user-facing
# messages of app/common): new strings arrive as unfinished, strings no longer in the code are dropped. The same
# extraction as `cmake --build build --target update_translations`, without a configured build. English
# (stemcrate_en.ts) is refreshed with -pluralonly: it holds only the plural forms of the counted strings.
#   translations/refresh.sh [TS_FILE...]   (default: every translations/*.ts)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
qt=/usr/include/x86_64-linux-gnu/qt6
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(translations/*.ts)
for ts in "${files[@]}"; do
  plurals=()
  [ "$(basename "$ts")" = stemcrate_en.ts ] && plurals=(-pluralonly)
  /usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations none "${plurals[@]}" -I ui -I core -I app \
    -I "$qt" -I "$qt/QtCore" -I "$qt/QtGui" -I "$qt/QtWidgets" \
    ui app/gui app/cli app/common/ModelDownloader.cpp app/common/ModelStore.cpp -ts "$ts"
done
for ts in "${files[@]}"; do
  echo "$ts: $(grep -c '<message' "$ts") strings, $(grep -c 'type="unfinished"' "$ts") unfinished"
done
