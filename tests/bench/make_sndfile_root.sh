#!/usr/bin/env bash
# Gathers this (Debian) machine's libsndfile header, library and the libraries it links into DIR
# (include/, lib/) for the GPU machine, which has none: pass DIR as SNDFILE_ROOT to tests/bench/gpu_*.sh and
# carry it to the device (a folder named build* is ignored by git and may be carried).
# Usage: tests/bench/make_sndfile_root.sh DIR   (e.g. build-sndfile)
set -euo pipefail
dir="${1:?dir}"; mkdir -p "$dir/include" "$dir/lib"
cp /usr/include/sndfile.h /usr/include/sndfile.hh "$dir/include/" 2>/dev/null || cp /usr/include/sndfile.h "$dir/include/"
lib="$(ldconfig -p | awk '/libsndfile\.so\.1 / {found = $NF} END {print found}')"
cp -L "$lib" "$dir/lib/libsndfile.so.1"
ln -sf libsndfile.so.1 "$dir/lib/libsndfile.so"
ldd "$lib" | awk '$3 ~ /^\// && $1 !~ /^lib(c|m|pthread|dl|rt)\.so/ && $1 !~ /ld-linux/ {print $3}' |
  while read -r dep; do cp -L "$dep" "$dir/lib/"; done
ls "$dir/lib"
