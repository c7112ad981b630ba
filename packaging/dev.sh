#!/usr/bin/env bash
# Stemcrate developer entry point for a fresh Debian 12 machine.
#   packaging/dev.sh run    install dependencies (apt), build, launch the app
#   packaging/dev.sh test   install dependencies (apt), build, fuzz the decoder briefly, run the test suites (ctest)
#   packaging/dev.sh deps | build   the individual steps
#   packaging/dev.sh packages       the Debian packages it installs, one per line
# Environment: BUILD_DIR (default build), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

# Build: Qt 6, libtorch (Debian's 1.13), FFmpeg, KissFFT. Tests: Debian's torchaudio (the parity reference)
# and the ffmpeg CLI (generates test inputs). OpenBLAS: without it libtorch uses netlib BLAS, 4x slower.
# oneDNN headers (libtorch links its library already): the CPU Winograd convolutions (core/model/cpu/WinogradConv.h).
# OpenCL (ocl-icd-opencl-dev): Debian's dnnl-config.cmake calls find_package(OpenCL), but libdnnl-dev only
# Recommends it, and Recommends are not installed here.
# clang + its runtime: the decode fuzzer (tests/fuzz/run_fuzz.sh). Its configure is the whole project's with
# clang, so clang's OpenMP (libomp-dev) for Torch's config; CMake picks llvm-ar/llvm-ranlib and probes ld.lld
# for clang, and libFuzzer symbolizes what it finds with llvm-symbolizer (llvm, lld): the same tools on every
# machine, not whichever happen to be installed.
# The .deb (packaging/check_package.sh): CPack's dpkg-shlibdeps (dpkg-dev) and `file`, and the validators of
# the desktop file and the AppStream metadata.
# hydrogen-drumkits: real drum-kit samples the one-shot mining tests and bench_mining sequence into grooves.
# nlohmann-json + xxHash: core/batch's completion records and manifest; slurm-wlm + munge: the single-node
# cluster of tests/cli/tst_cli_slurm (tests/slurm/slurm_cluster.sh); libsndfile: tests/bench/bench_throughput
# and the library index (WAV/AIFF loop and tempo chunks); libtag1-dev (TagLib): the library index's tags;
# librubberband-dev: time-stretch and pitch-shift (core/library/SampleFitter).
# qm-dsp: bench_analysis --corpus compares its tempo and key detectors with ours. The analysis evaluation
# corpus (tests/corpus/build_corpus.sh; its subset is a test fixture) is rendered from Debian packages' music:
# MIDI files (openttd-openmsx, planetblupi-music-midi; python3-mido) through FluidSynth (fluid-soundfont-gm),
# Hydrogen's demo songs (hydrogen's h2cli, hydrogen-data) and drum-kit samples (hydrogen-drumkits).
# fonts-noto-cjk: the Japanese interface renders (tests/i18n starts the app in ja_JP).
# libmimalloc-dev: the GUI process's allocator (cmake/AppAllocator.cmake; the .deb then depends on
# libmimalloc2.0 through dpkg-shlibdeps).
# ccache: rebuilds after a branch switch or in another worktree reuse the objects (libtorch's headers make
# every engine file slow to compile on 2 cores).
# Every package the build or the tests read must be here (or a Depends of one): CI checks it
# (packaging/check_build_deps.py).
packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libtorch-dev libavformat-dev libavcodec-dev libswresample-dev libavutil-dev libkissfft-dev
  libmimalloc-dev
  libaubio-dev libebur128-dev librubberband-dev
  libtag1-dev
  libdnnl-dev ocl-icd-opencl-dev
  libopenblas0-pthread
  python3-torchaudio python3-numpy ffmpeg
  clang libclang-rt-14-dev libomp-dev llvm lld
  dpkg-dev file desktop-file-utils appstream
  hydrogen-drumkits
  nlohmann-json3-dev libxxhash-dev libsndfile1-dev
  slurm-wlm munge
  libqm-dsp-dev
  python3-mido fluidsynth fluid-soundfont-gm hydrogen hydrogen-data openttd-openmsx
  planetblupi-music-midi
  fonts-noto-cjk
  ccache
)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  cmake --build "$build_dir" -j "$jobs"
}

case "${1:-}" in
  packages) printf '%s\n' "${packages[@]}" ;;
  deps) deps ;;
  build) deps; build ;;
  run) deps; build; shift; exec "$build_dir/app/gui/stemcrate" "$@" ;;
  test)
    deps; build
    # Bounded libFuzzer run of the decoder (clang + ASan/UBSan, its own build folder), then the suites.
    JOBS="$jobs" bash "$here/tests/fuzz/run_fuzz.sh" 20000 120
    # Two at a time: the suites must hold on a loaded machine (timing lives in tests/bench, not in tests).
    cd "$build_dir"; exec ctest --output-on-failure --timeout 1500 -j "${CTEST_JOBS:-2}" ;;
  *) echo "usage: $0 run|test|deps|build|packages" >&2; exit 2 ;;
esac
