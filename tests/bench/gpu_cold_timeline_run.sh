#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song, operator by operator, in one call: builds
# probe_kernel_loading, test_cuda_engine, test_cuda_separator and bench_separation against the PyTorch
# wheel's libtorch, then
#   1. probe_kernel_loading with 1, then 4 threads (fresh processes): do CUDA's lazy kernel loads run in
#      parallel?
#   2. test_cuda_engine (the planned capture against the eager pass);
#   3. ROUNDS pairs of fresh cold processes, interleaved: --plan-products 0 (the dry pass runs its matrix
#      products itself) then 1 (owners load their kernels, the default), each with its operators of 8 ms or
#      more listed (--op-timeline 8);
#   4. one cold process with PyTorch beside it (the BENCHMARKS.md ratios);
#   5. test_cuda_separator.
# Logs: OUTDIR/probe.log, engine.log, cold.log, pytorch.log, test_separator.log (the tool brings back 8 files).
# Usage: tests/bench/gpu_cold_timeline_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-4}"; limit="${3:-500}"; mkdir -p "$out"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-tl probe_kernel_loading test_cuda_engine test_cuda_separator bench_separation
gpu_checkpoint
for n in 1 4; do
  timeout 60 /tmp/b-tl/tests/bench/probe_kernel_loading --threads $n >> "$out/probe.log" 2>&1
  echo "== probe $n threads rc $? at ${SECONDS}s"
done
grep -E "^context|^threads" "$out/probe.log"
if fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-tl/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure|rror|planned" "$out/engine.log"
  grep -c "^ok" "$out/engine.log"
fi
b=/tmp/b-tl/tests/bench/bench_separation
for i in $(seq "$rounds"); do
  for p in 0 1; do
    fits 40 "cold $i products $p" || break 2
    echo "######## cold $i products $p" >> "$out/cold.log"
    timeout 40 $b $song_args --skip-python --plan-products $p --op-timeline 8 > /tmp/cold.log 2>&1
    echo "== cold $i plan-products $p rc $? at ${SECONDS}s"; cat /tmp/cold.log >> "$out/cold.log"
    grep -E "first song:|the load:|incl. load|rror" /tmp/cold.log | grep -v "^| first window"
  done
done
gpu_pytorch_beside $b
gpu_test_separator /tmp/b-tl
echo "== total ${SECONDS}s"
