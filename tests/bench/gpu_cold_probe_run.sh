#!/usr/bin/env bash
# The GPU machine's probe of the cold first pass (issue 21), then gpu_s13_run.sh's rows, in one call.
# Builds probe_cold_pass beside gpu_s13_run.sh's targets (same build folder), runs it in fresh processes:
#   seq + a relaxed capture with no eager pass; par (4 fresh threads first); seq under CUDA_MODULE_LOADING=EAGER;
#   seq with TORCH_CUDNN_V8_API_DISABLED=1 (cuDNN's v7 API, where libtorch still has it);
# then gpu_s13_run.sh OUTDIR/s13 with what is left of LIMIT.
# Usage: SNDFILE_ROOT=DIR tests/bench/gpu_cold_probe_run.sh OUTDIR [LIMIT] [COLD]   (from the tree to build)
set -uo pipefail
out="${1:?outdir}"; limit="${2:-540}"; cold="${3:-3}"; mkdir -p "$out"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-s13 probe_cold_pass test_cuda_separator bench_separation
p=/tmp/b-s13/tests/bench/probe_cold_pass
echo "== probe seq + relaxed capture at ${SECONDS}s"; timeout 60 $p --order seq --capture relaxed 2>&1 | tee "$out/probe_seq.log"
echo "== probe par at ${SECONDS}s"; timeout 60 $p --order par 2>&1 | tee "$out/probe_par.log"
echo "== probe seq, eager module loading at ${SECONDS}s"
CUDA_MODULE_LOADING=EAGER timeout 90 $p --order seq 2>&1 | head -12 | tee "$out/probe_eager.log"
echo "== probe seq, cuDNN's v7 API at ${SECONDS}s"
TORCH_CUDNN_V8_API_DISABLED=1 timeout 60 $p --order seq 2>&1 | tee "$out/probe_v7.log"
left=$((limit - SECONDS)); echo "== gpu_s13_run.sh with ${left}s at ${SECONDS}s"
bash tests/bench/gpu_s13_run.sh "$out/s13" "$left" "$cold"
