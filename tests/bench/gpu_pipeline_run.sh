#!/usr/bin/env bash
# The GPU machine's run for issue 21's pipeline: the stage workers shared by decode and write (SongPipeline's
# StageBoard) against the fixed third/two-thirds split of before, same songs, same run. In one call: builds
# core, tests/cuda and (with SNDFILE_ROOT: a folder with include/sndfile.h and lib/libsndfile.so.1 and its
# libraries, tests/bench/make_sndfile_root.sh) bench_throughput against the PyTorch wheel's libtorch (no Qt,
# no FFmpeg); runs test_cuda_separator; then bench_throughput's 200 songs with WAV out, the fixed split and
# the shared workers (--split both), beside the PyTorch script; then FLAC out with the shared workers. Each
# step has its own time limit and the whole stays under LIMIT seconds (steps that would not fit are skipped,
# and say so); full logs in OUTDIR.
# Usage: [SNDFILE_ROOT=DIR] tests/bench/gpu_pipeline_run.sh OUTDIR [LIMIT]
set -uo pipefail
out="${1:?outdir}"; limit="${2:-570}"; mkdir -p "$out"
SECONDS=0
fits() { if [ $((SECONDS + $1)) -gt "$limit" ]; then echo "== skipped $2: ${SECONDS}s used of ${limit}s"; return 1; fi; }
root="${SNDFILE_ROOT:-}"; targets="test_cuda_separator"
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"; targets="$targets bench_throughput"
fi
tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
timeout 60 python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
timeout 120 cmake -S . -B /tmp/b-pipe -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
timeout 330 cmake --build /tmp/b-pipe -j "$(nproc)" --target $targets > "$out/build.log" 2>&1
rc=$?; echo "== build rc $rc at ${SECONDS}s"
if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build.log" | head -120; tail -5 "$out/build.log"; exit 1; fi
timeout 60 python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > "$out/checkpoint.log" 2>&1 \
  || { cat "$out/checkpoint.log"; exit 1; }
if fits 120 test_cuda_separator; then
  timeout 120 /tmp/b-pipe/tests/cuda/test_cuda_separator /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; cat "$out/test_separator.log"
fi
if [ -n "$root" ] && fits 200 "throughput wav"; then
  timeout 200 /tmp/b-pipe/tests/bench/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --python-songs 12 \
    --batch 18 --formats wav --modes staged --split both > "$out/throughput_wav.log" 2>&1
  echo "== throughput wav rc $? at ${SECONDS}s"; cat "$out/throughput_wav.log"
fi
if [ -n "$root" ] && fits 150 "throughput flac"; then
  timeout 150 /tmp/b-pipe/tests/bench/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --skip-python \
    --batch 18 --formats flac --modes staged --split pool > "$out/throughput_flac.log" 2>&1
  echo "== throughput flac rc $? at ${SECONDS}s"; cat "$out/throughput_flac.log"
fi
echo "== total ${SECONDS}s"
