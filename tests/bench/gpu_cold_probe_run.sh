#!/usr/bin/env bash
# The GPU machine's probe of the cold first pass (issue 21), then gpu_s13_run.sh's rows, in one call.
# Builds probe_cold_pass beside gpu_s13_run.sh's targets (same build folder), runs it in fresh processes:
#   seq + a relaxed capture with no eager pass; par (4 fresh threads first); seq under CUDA_MODULE_LOADING=EAGER;
#   seq with TORCH_CUDNN_V8_API_DISABLED=1 (cuDNN's v7 API, where libtorch still has it);
# then gpu_s13_run.sh OUTDIR/s13 with what is left of LIMIT.
# Usage: SNDFILE_ROOT=DIR tests/bench/gpu_cold_probe_run.sh OUTDIR [LIMIT] [COLD]   (from the tree to build)
set -uo pipefail
out="${1:?outdir}"; limit="${2:-540}"; cold="${3:-3}"; mkdir -p "$out"
SECONDS=0
root="${SNDFILE_ROOT:-}"
[ -n "$root" ] && link="-Wl,-rpath-link,$root/lib"
tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
timeout 120 cmake -S . -B /tmp/b-s13 -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="${link:-}" > "$out/configure.log" 2>&1 || { tail -40 "$out/configure.log"; exit 1; }
targets="probe_cold_pass test_cuda_separator bench_separation"; [ -n "$root" ] && targets="$targets bench_throughput"
timeout 260 cmake --build /tmp/b-s13 -j "$(nproc)" --target $targets > "$out/build.log" 2>&1
rc=$?; echo "== build rc $rc at ${SECONDS}s"
if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build.log" | head -120; exit 1; fi
p=/tmp/b-s13/tests/bench/probe_cold_pass
echo "== probe seq + relaxed capture at ${SECONDS}s"; timeout 60 $p --order seq --capture relaxed 2>&1 | tee "$out/probe_seq.log"
echo "== probe par at ${SECONDS}s"; timeout 60 $p --order par 2>&1 | tee "$out/probe_par.log"
echo "== probe seq, eager module loading at ${SECONDS}s"
CUDA_MODULE_LOADING=EAGER timeout 90 $p --order seq 2>&1 | head -12 | tee "$out/probe_eager.log"
echo "== probe seq, cuDNN's v7 API at ${SECONDS}s"
TORCH_CUDNN_V8_API_DISABLED=1 timeout 60 $p --order seq 2>&1 | tee "$out/probe_v7.log"
left=$((limit - SECONDS)); echo "== gpu_s13_run.sh with ${left}s at ${SECONDS}s"
bash tests/bench/gpu_s13_run.sh "$out/s13" "$left" "$cold"
