#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song with the device's warm-up started at Separator::load's
# first line (Separator::setEarlyDeviceStart), in one call: builds tests/cuda's test_cuda_separator and
# bench_separation against the PyTorch wheel's libtorch, then
#   1. ROUNDS pairs of fresh cold processes, interleaved: --early-device-start 0 (the warm-up started after
#      the engine's choice, as before) then 1 (the default), each with its operators of 8 ms or more listed
#      (--op-timeline 8: on which thread the first song's host time goes);
#   2. one cold process with PyTorch beside it (the BENCHMARKS.md ratios);
#   3. test_cuda_separator.
# All logs go to OUTDIR/cold.log, OUTDIR/pytorch.log and OUTDIR/test_separator.log (the tool brings back 8
# files). Usage: tests/bench/gpu_early_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-4}"; limit="${3:-500}"; mkdir -p "$out"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-early test_cuda_separator bench_separation
gpu_checkpoint
b=/tmp/b-early/tests/bench/bench_separation
g="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
for i in $(seq "$rounds"); do
  for e in 0 1; do
    fits 40 "cold $i early $e" || break 2
    echo "######## cold $i early $e" >> "$out/cold.log"
    timeout 40 $b $g --skip-python --early-device-start $e --op-timeline 8 > /tmp/cold.log 2>&1
    echo "== cold $i early-device-start $e rc $? at ${SECONDS}s"; cat /tmp/cold.log >> "$out/cold.log"
    grep -E "first song:|the load:|incl. load|rror" /tmp/cold.log | grep -v "^| first window"
  done
done
if fits 150 "PyTorch beside"; then
  timeout 150 $b $g > "$out/pytorch.log" 2>&1
  echo "== with PyTorch rc $? at ${SECONDS}s"; grep -v "^pytorch" "$out/pytorch.log"
fi
if fits 90 test_cuda_separator; then
  timeout 90 /tmp/b-early/tests/cuda/test_cuda_separator /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; grep -v "^ok " "$out/test_separator.log"; grep -c "^ok " "$out/test_separator.log"
fi
echo "== total ${SECONDS}s"
