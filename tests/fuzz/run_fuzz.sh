#!/usr/bin/env bash
# Builds the libFuzzer target for decoding (tests/fuzz/fuzz_decode.cpp) with clang + ASan/UBSan in its own
# build folder and runs it for a bounded time on a seed corpus that the ffmpeg CLI generates (tiny files of
# each format the app reads). Exits non-zero on any finding; the input that caused it is kept in
# $FUZZ_BUILD_DIR/artifacts/ (reproduce: "$FUZZ_BUILD_DIR/tests/fuzz/fuzz_decode" <file>).
#   tests/fuzz/run_fuzz.sh [RUNS [SECONDS]]      defaults: 20000 runs, at most 120 s
# Environment: FUZZ_BUILD_DIR (default build-fuzz), JOBS (default 2). Needs clang, libclang-rt-14-dev,
# ffmpeg, and the FFmpeg development packages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
runs="${1:-20000}"
seconds="${2:-120}"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTEMCRATE_FUZZ=ON -DSTEMCRATE_BUILD_GUI=OFF -DSTEMCRATE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target fuzz_decode -j "${JOBS:-2}"

seeds="$build/seeds"
if [ ! -f "$seeds/.done" ]; then
  mkdir -p "$seeds"
  gen() { ffmpeg -nostdin -y -hide_banner -loglevel error -f lavfi -i "sine=frequency=440:duration=0.05" "$@"; }
  gen -ac 2 -c:a pcm_s16le "$seeds/s16.wav"
  gen -ac 1 -c:a pcm_f32le "$seeds/f32.wav"
  gen -ac 2 -c:a pcm_s24be "$seeds/s24.aif"
  gen -ac 2 -c:a libmp3lame -b:a 32k "$seeds/a.mp3"
  gen -ac 2 -c:a flac "$seeds/a.flac"
  gen -ac 2 -c:a libvorbis "$seeds/a.ogg"
  gen -ac 2 -c:a libopus -b:a 16k "$seeds/a.opus"
  gen -ac 2 -c:a aac -b:a 16k "$seeds/a.m4a"
  touch "$seeds/.done"
fi

# LeakSanitizer stops the world through ptrace, which fails when the run itself is traced (.ci/run traces
# README's test command with strace): then leaks are not checked here, and .ci/run repeats the run untraced.
if [ "$(awk '/^TracerPid:/ {print $2}' /proc/self/status)" != "0" ]; then
  echo "run_fuzz: traced, so LeakSanitizer is off for this run (it cannot work under ptrace)" >&2
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi

# New inputs go to a working corpus, so the seeds stay as generated.
corpus="$build/corpus"
mkdir -p "$corpus" "$build/artifacts"
# Each input is decoded whole; a garbage header can ask for a long decode (up to the 3-hour limit, ~4 GB),
# hence the generous memory and time limits per input.
exec "$build/tests/fuzz/fuzz_decode" -runs="$runs" -max_total_time="$seconds" -max_len=65536 -timeout=60 \
  -rss_limit_mb=6144 -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$corpus" "$seeds"
