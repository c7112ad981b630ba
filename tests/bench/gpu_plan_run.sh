#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song with the capture's convolutions planned on several
# threads (core/model/cuda/ConvPlanners.h), in one call: builds probe_cold_pass, tests/cuda, bench_separation
# (and bench_throughput with SNDFILE_ROOT) against the PyTorch wheel's libtorch, then
#   1. probe_cold_pass: a fresh process's first pass split into per-process and per-thread host cost;
#   2. ROUNDS pairs of fresh cold processes, interleaved: --plan-threads 0 (the capturing thread plans, as
#      before) then the default (planner threads);
#   3. one cold process with PyTorch beside it (the BENCHMARKS.md ratios);
#   4. test_cuda_separator and test_cuda_engine (the planned capture against the eager pass);
#   5. bench_throughput's 200 songs, WAV out, beside the PyTorch script, if time is left.
# Usage: [SNDFILE_ROOT=DIR] [PROBE=0] tests/bench/gpu_plan_run.sh OUTDIR [ROUNDS] [LIMIT]   (PROBE=0: no step 1)
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-4}"; limit="${3:-560}"; mkdir -p "$out"
SECONDS=0
fits() { if [ $((SECONDS + $1)) -gt "$limit" ]; then echo "== skipped $2: ${SECONDS}s used of ${limit}s"; return 1; fi; }
root="${SNDFILE_ROOT:-}"; targets="probe_cold_pass test_cuda_separator bench_separation test_cuda_engine"
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"; targets="$targets bench_throughput"
fi
tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
timeout 60 python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
timeout 120 cmake -S . -B /tmp/b-plan -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
timeout 300 cmake --build /tmp/b-plan -j "$(nproc)" --target $targets > "$out/build.log" 2>&1
rc=$?; echo "== build rc $rc at ${SECONDS}s"
if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build.log" | head -120; tail -5 "$out/build.log"; exit 1; fi
timeout 60 python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > "$out/checkpoint.log" 2>&1 \
  || { cat "$out/checkpoint.log"; exit 1; }
p=/tmp/b-plan/tests/bench/probe_cold_pass
probe="${PROBE:-1}"
if [ "$probe" = 1 ] && fits 60 probe; then
  echo "== probe seq + relaxed capture at ${SECONDS}s"; timeout 50 $p --order seq --capture relaxed 2>&1 | tee "$out/probe_seq.log"
fi
if [ "$probe" = 1 ] && fits 60 "probe par"; then
  echo "== probe par at ${SECONDS}s"; timeout 50 $p --order par 2>&1 | head -8 | tee "$out/probe_par.log"
fi
b=/tmp/b-plan/tests/bench/bench_separation
g="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
for i in $(seq "$rounds"); do
  for t in 0 -1; do
    fits 40 "cold $i plan-threads $t" || break 2
    timeout 40 $b $g --skip-python --plan-threads $t > "$out/cold-$i-$t.log" 2>&1
    echo "== cold $i plan-threads $t rc $? at ${SECONDS}s"
    grep -E "first song:|the load:|incl. load|relative L2|rror" "$out/cold-$i-$t.log" | grep -v "^| first window"
  done
done
if fits 150 "PyTorch beside"; then
  timeout 150 $b $g > "$out/pytorch.log" 2>&1
  echo "== with PyTorch rc $? at ${SECONDS}s"; grep -v "^pytorch" "$out/pytorch.log"
fi
if fits 90 test_cuda_separator; then
  timeout 90 /tmp/b-plan/tests/cuda/test_cuda_separator /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; grep -v "^ok " "$out/test_separator.log"; grep -c "^ok " "$out/test_separator.log"
fi
if fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-plan/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test_engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure|rror|planned" "$out/test_engine.log"
  grep -c "^ok" "$out/test_engine.log"
fi
if [ -n "$root" ] && fits 200 "throughput wav"; then
  timeout 200 /tmp/b-plan/tests/bench/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --python-songs 12 --batch 18 \
    --formats wav --modes staged --split pool --wav-writer stemcrate > "$out/throughput_wav.log" 2>&1
  echo "== throughput wav rc $? at ${SECONDS}s"; grep -v "^pytorch: " "$out/throughput_wav.log"
fi
echo "== total ${SECONDS}s"
