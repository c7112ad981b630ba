#!/usr/bin/env bash
# Issue 21's cold first song on the GPU machine, in one call: builds bench_separation against the PyTorch
# wheel's libtorch (no Qt, no FFmpeg, no OpenMP), then ROUNDS fresh processes, each a cold first song
# incl. load (180 s, batch 18, float16) and five warm songs, then one more with PyTorch beside it in the
# same run (the BENCHMARKS.md ratios).
# Usage: tests/bench/gpu_cold_run.sh OUTDIR [ROUNDS]   (from the tree to build)
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-2}"; mkdir -p "$out"
tp="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
cmake -S . -B /tmp/b-cold -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF > "$out/configure.log" 2>&1 || { tail -30 "$out/configure.log"; exit 1; }
timeout 300 cmake --build /tmp/b-cold -j "$(nproc)" --target bench_separation > "$out/build.log" 2>&1 \
  || { grep -E "error" -A3 "$out/build.log" | head -60; exit 1; }
python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > /dev/null 2>&1
b=/tmp/b-cold/tests/bench/bench_separation
g="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
for i in $(seq "$rounds"); do
  echo "== cold $i"
  timeout 30 $b $g --skip-python 2>&1 | tee -a "$out/cold.log" | grep -E "first song|incl. load|warm|relative|rror"
done
echo "== PyTorch beside"
timeout 120 $b $g 2>&1 | tee "$out/pytorch.log" | grep -v "^pytorch"
