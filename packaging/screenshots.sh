#!/usr/bin/env bash
# Captures the README screenshots into resources/screenshots/ with the app's own --screenshot option
# (QWidget::grab on Qt's offscreen platform: no X server, no Xvfb needed).
#   packaging/screenshots.sh            uses BUILD_DIR (default build) and the downloaded model if cached,
#                                       else a random-weights model (the stems then look like noise)
# Environment: BUILD_DIR, MODEL (a checkpoint to use), OUT (default resources/screenshots).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$here/build}"
out="${OUT:-$here/resources/screenshots}"
app="$build_dir/app/gui/stemcrate"
[ -x "$app" ] || { echo "build the app first: cmake --build $build_dir --target stemcrate" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/config/stemcrate"

# The real model makes the nicer picture; keep the user's cache out of it otherwise.
model="${MODEL:-${XDG_CACHE_HOME:-$HOME/.cache}/stemcrate/models/hdemucs_high_trained.pt}"
if [ ! -f "$model" ]; then
  model="$work/hdemucs_random.pt"
  /usr/bin/python3 "$here/tests/python/hdemucs_reference.py" checkpoint --config high --out "$model"
fi

# A fresh profile: settings, stem cache, library and log live in $work.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
export QT_QPA_PLATFORM=offscreen
cat > "$work/config/stemcrate/stemcrate.conf" <<CONF
[library]
folder=$work/library
[separation]
segmentSeconds=4
CONF

# A 24 s groove: kick, bass, a two-note lead and off-beat hats.
song="$work/Groove Demo.wav"
# (commas inside a filter argument are escaped for ffmpeg's filter graph parser)
expr='0.6*sin(2*PI*50*t)*exp(-20*mod(t\,0.5))+0.2*sin(2*PI*55*t)+0.12*sin(2*PI*(440+220*gte(mod(t\,2)\,1))*t)+0.15*(random(0)-0.5)*exp(-40*mod(t+0.25\,0.5))'
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "aevalsrc=${expr}|${expr}:s=44100:d=24" "$song"

shot() { "$app" --screenshot "$out/$1" "${@:2}"; }
shot first-run.png --no-download
shot separating.png --model "$model" --screenshot-mid-separation "$song"
shot stems.png --model "$model" --select 4:6 "$song"   # the second run is a stem cache hit
shot spectrogram.png --model "$model" --spectrogram --select 4:6 "$song"
shot export-dialog.png --model "$model" --screenshot-dialog export
shot settings-dialog.png --model "$model" --screenshot-dialog settings
shot shortcuts.png --model "$model" --screenshot-dialog shortcuts
echo "screenshots in $out"
