#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song (the model warmed up and its graph captured during the
# load) and issue 20's CUDA build, in one call: builds core, tests/cuda and bench_separation against the
# PyTorch wheel's libtorch (no Qt, no FFmpeg), runs test_cuda_separator (EngineChoice and Separator with Auto
# device and precision), then ROUNDS fresh processes of the cold first song incl. load (180 s, batch 18,
# float16; each with five warm songs), then one with PyTorch beside it (the BENCHMARKS.md ratios), then
# test_cuda_engine, then (with SNDFILE_ROOT: a folder with include/sndfile.h and lib/libsndfile.so.1 and its
# libraries, for a machine without libsndfile) bench_throughput's 200 songs, WAV and FLAC out, beside the
# PyTorch script. Each step has its own time limit and the whole stays under LIMIT seconds (steps that
# would not fit are skipped, and say so); full logs in OUTDIR, errors printed as they are.
# Usage: [SNDFILE_ROOT=DIR] tests/bench/gpu_warm_load_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-3}"; limit="${3:-570}"; mkdir -p "$out"
SECONDS=0
fits() { if [ $((SECONDS + $1)) -gt "$limit" ]; then echo "== skipped $2: ${SECONDS}s used of ${limit}s"; return 1; fi; }
root="${SNDFILE_ROOT:-}"; targets="test_cuda_separator bench_separation test_cuda_engine"
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"; targets="$targets bench_throughput"
fi
tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
timeout 60 python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
timeout 120 cmake -S . -B /tmp/b-warm -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
timeout 330 cmake --build /tmp/b-warm -j "$(nproc)" --target $targets > "$out/build.log" 2>&1
rc=$?; echo "== build rc $rc at ${SECONDS}s"
if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build.log" | head -120; tail -5 "$out/build.log"; exit 1; fi
timeout 60 python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > "$out/checkpoint.log" 2>&1 \
  || { cat "$out/checkpoint.log"; exit 1; }
if fits 90 test_cuda_separator; then
  timeout 90 /tmp/b-warm/tests/cuda/test_cuda_separator /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; cat "$out/test_separator.log"
fi
b=/tmp/b-warm/tests/bench/bench_separation
g="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
for i in $(seq "$rounds"); do
  fits 40 "cold $i" || break
  timeout 40 $b $g --skip-python > "$out/cold-$i.log" 2>&1
  echo "== cold $i rc $? at ${SECONDS}s"; grep -v "^|" "$out/cold-$i.log"
done
if fits 150 "PyTorch beside"; then
  timeout 150 $b $g > "$out/pytorch.log" 2>&1
  echo "== with PyTorch rc $? at ${SECONDS}s"; grep -v "^pytorch" "$out/pytorch.log"
fi
if fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-warm/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test_engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure|rror" "$out/test_engine.log"
  grep -c "^ok" "$out/test_engine.log"
fi
if [ -n "$root" ] && fits 300 throughput; then
  timeout 300 /tmp/b-warm/tests/bench/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --python-songs 12 \
    --batch 18 --formats wav,flac > "$out/throughput.log" 2>&1
  echo "== throughput rc $? at ${SECONDS}s"; cat "$out/throughput.log"
fi
echo "== total ${SECONDS}s"
