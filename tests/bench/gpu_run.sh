#!/usr/bin/env bash
# Builds core + benchmarks against the libtorch inside the PyTorch wheel and runs the GPU and CPU benchmarks
# (the device machine: no Qt, no FFmpeg), after the CUDA engine's tests (tests/cuda; their log is
# OUTDIR/test.log, and a failure is reported but does not stop the benchmarks).
# Usage: tests/bench/gpu_run.sh OUTDIR ["BENCH ARGS" ...]
set -euo pipefail
out="${1:-/tmp/stemcrate-gpu}"
mkdir -p "$out"
torch_prefix="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
python3 -c 'import torch, torchaudio; print("torch", torch.__version__, "torchaudio", torchaudio.__version__, torch.cuda.get_device_name(0))'
cmake -S . -B /tmp/stemcrate-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$torch_prefix" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
cmake --build /tmp/stemcrate-build -j "$(nproc)" --target bench_separation test_cuda_engine > "$out/build.log" 2>&1 || { grep -E "error" "$out/build.log" | head -40; exit 1; }
python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt
/tmp/stemcrate-build/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test.log" 2>&1 && echo "tests/cuda: passed" || { grep -E "FAIL|failure|error" "$out/test.log" | head -40 || true; echo "tests/cuda: FAILED"; }
bench=/tmp/stemcrate-build/tests/bench/bench_separation
shift || true
for spec in "$@"; do
  echo "== $spec"
  eval "$bench --checkpoint /tmp/ck.pt $spec" 2>&1 | tee -a "$out/bench.log"
done
