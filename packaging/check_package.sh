#!/usr/bin/env bash
# Builds the .deb, checks its desktop integration, installs it with apt (which resolves the Depends that
# dpkg-shlibdeps computed) and runs the installed programs from /usr/bin: the CLI's version, a probe of a
# generated file and the GUI's offscreen screenshot. CI runs it after the tests; needs root (or sudo).
#   packaging/check_package.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(cd "${1:-${BUILD_DIR:-$here/build}}" && pwd)" # absolute: apt takes a file only as a path
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

desktop-file-validate "$here/packaging/linux/io.github.stemcrate.stemcrate.desktop"
appstreamcli validate --pedantic --no-net "$here/packaging/linux/io.github.stemcrate.stemcrate.metainfo.xml"

rm -f "$build_dir"/stemcrate_*.deb
(cd "$build_dir" && cpack -G DEB >/dev/null)
deb="$(ls "$build_dir"/stemcrate_*.deb)"
echo "package: $deb"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "$depends"
# The GUI links its allocator (cmake/AppAllocator.cmake): dpkg-shlibdeps must have found it.
grep -q "libmimalloc2.0" <<<"$depends" || { echo "check_package: $deb does not depend on libmimalloc2.0" >&2; exit 1; }
contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/stemcrate ./usr/bin/stemcrate-cli \
            ./usr/share/applications/io.github.stemcrate.stemcrate.desktop \
            ./usr/share/metainfo/io.github.stemcrate.stemcrate.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/io.github.stemcrate.stemcrate.svg \
            ./usr/share/icons/hicolor/16x16/apps/io.github.stemcrate.stemcrate.png \
            ./usr/share/icons/hicolor/512x512/apps/io.github.stemcrate.stemcrate.png \
            ./usr/share/man/man1/stemcrate-cli.1.gz; do
  grep -q " $path\$" <<<"$contents" || { echo "check_package: $path is missing from $deb" >&2; exit 1; }
done

as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/stemcrate-cli --version
ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=1.5" -ac 2 -ar 48000 "$work/tone.flac"
/usr/bin/stemcrate-cli probe "$work/tone.flac" | tee "$work/probe.json"
grep -q '"codec": *"flac"' "$work/probe.json"
QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$work/cache" timeout 120 /usr/bin/stemcrate --no-download \
  --screenshot "$work/window.png"
[ -s "$work/window.png" ] || { echo "check_package: the installed GUI saved no screenshot" >&2; exit 1; }
echo "check_package: the package installs and runs"
