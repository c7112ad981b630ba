#!/usr/bin/env bash
# The GPU machine's run for issue 21 after s13-gpu (the song path's host work per song), in one call. Builds
# test_cuda_separator, bench_separation and bench_throughput against the PyTorch wheel's libtorch (no Qt, no
# FFmpeg; SNDFILE_ROOT: a folder with include/sndfile.h and lib/libsndfile.so.1 and its libraries, made by
# tests/bench/make_sndfile_root.sh), then:
#   1. test_cuda_separator;
#   2. COLD fresh bench_separation processes: the cold first song incl. load, five warm songs (and how long
#      each waited for the pinned pool);
#   3. bench_throughput: 200 three-minute FLAC songs, WAV out (core/audio's writer, as the CLI), the shared
#      workers, beside the PyTorch script (12 songs);
#   4. bench_throughput --host-stages: decode, landing copy and WAV writes of one song on one core of this
#      machine, the code of before against now;
#   5. the same 200 songs with libsndfile's WAV writer (the writer of the rows before s13-gpu), no PyTorch.
# Each step has its own time limit and the whole stays under LIMIT seconds (steps that would not fit are
# skipped, and say so); full logs in OUTDIR.
# Usage: SNDFILE_ROOT=DIR tests/bench/gpu_s13_run.sh OUTDIR [LIMIT] [COLD]   (from the tree to build)
set -uo pipefail
out="${1:?outdir}"; limit="${2:-480}"; cold="${3:-3}"; mkdir -p "$out"
SECONDS=0
fits() { if [ $((SECONDS + $1)) -gt "$limit" ]; then echo "== skipped $2: ${SECONDS}s used of ${limit}s"; return 1; fi; }
root="${SNDFILE_ROOT:-}"; targets="test_cuda_separator bench_separation"
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"; targets="$targets bench_throughput"
fi
tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
timeout 60 python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
timeout 120 cmake -S . -B /tmp/b-s13 -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
timeout 240 cmake --build /tmp/b-s13 -j "$(nproc)" --target $targets > "$out/build.log" 2>&1
rc=$?; echo "== build rc $rc at ${SECONDS}s"
if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build.log" | head -120; tail -5 "$out/build.log"; exit 1; fi
timeout 60 python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > "$out/checkpoint.log" 2>&1 \
  || { cat "$out/checkpoint.log"; exit 1; }
b=/tmp/b-s13/tests/bench
if fits 90 test_cuda_separator; then
  timeout 90 /tmp/b-s13/tests/cuda/test_cuda_separator /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; grep -v "^ok " "$out/test_separator.log"; grep -c "^ok " "$out/test_separator.log"
fi
g="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
for i in $(seq "$cold"); do
  fits 40 "cold $i" || break
  echo "== cold $i at ${SECONDS}s"
  timeout 40 $b/bench_separation $g --skip-python 2>&1 | tee -a "$out/cold.log" \
    | grep -E "first song|incl. load|warm|pinned pool|relative|rror"
done
if [ -n "$root" ] && fits 200 "throughput wav"; then
  timeout 200 $b/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --python-songs 12 --batch 18 --formats wav \
    --modes staged --split pool --wav-writer stemcrate > "$out/throughput_wav.log" 2>&1
  echo "== throughput wav rc $? at ${SECONDS}s"; grep -v "^pytorch: " "$out/throughput_wav.log"
fi
if [ -n "$root" ] && fits 60 "host stages"; then
  timeout 60 $b/bench_throughput --host-stages --rounds 3 --work /tmp/stemcrate-host > "$out/host_stages.log" 2>&1
  echo "== host stages rc $? at ${SECONDS}s"; cat "$out/host_stages.log"
fi
if [ -n "$root" ] && fits 90 "throughput wav (libsndfile)"; then
  timeout 90 $b/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --skip-python --batch 18 --formats wav \
    --modes staged --split pool --wav-writer sndfile > "$out/throughput_wav_sndfile.log" 2>&1
  echo "== throughput wav (libsndfile) rc $? at ${SECONDS}s"; cat "$out/throughput_wav_sndfile.log"
fi
echo "== total ${SECONDS}s"
