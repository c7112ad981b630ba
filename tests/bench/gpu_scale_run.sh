#!/usr/bin/env bash
# The GPU machine's run for issue 21: builds bench_separation and bench_throughput against the PyTorch
# wheel's libtorch (no Qt, no FFmpeg; libsndfile from SNDFILE_ROOT when the machine has none), then the
# song benchmark (batch 18, then 6) and the throughput benchmark.
# Usage: tests/bench/gpu_scale_run.sh OUTDIR [SONGS] [PYTHON_SONGS]
set -euo pipefail
out="${1:-/tmp/stemcrate-gpu}"; songs="${2:-200}"; pysongs="${3:-15}"
mkdir -p "$out"
root="${SNDFILE_ROOT:-}"
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"
fi
torch_prefix="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
cmake -S . -B /tmp/stemcrate-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$torch_prefix;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" \
  > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
time cmake --build /tmp/stemcrate-build -j "$(nproc)" --target bench_separation bench_throughput > "$out/build.log" 2>&1 \
  || { grep -E "error" -A4 "$out/build.log" | head -80; exit 1; }
python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt
b=/tmp/stemcrate-build/tests/bench
$b/bench_separation --checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 \
  --window-batch 18 --reps 10 2>&1 | tee "$out/song18.log"
$b/bench_separation --checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 6 \
  --skip-forward 2>&1 | tee "$out/song6.log"
$b/bench_throughput --checkpoint /tmp/ck.pt --songs "$songs" --python-songs "$pysongs" --batch 18 \
  --formats wav,flac 2>&1 | tee "$out/throughput.log"
