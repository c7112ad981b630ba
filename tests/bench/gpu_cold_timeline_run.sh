#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song, operator by operator, in one call: builds
# probe_kernel_loading, test_cuda_engine, test_cuda_separator and bench_separation against the PyTorch
# wheel's libtorch, then
#   1. probe_kernel_loading with 1, then 4 threads (fresh processes): do CUDA's lazy kernel loads run in
#      parallel? (PROBE=0 skips it)
#   2. ROUNDS rounds of fresh cold processes, interleaved, one per variant, each with its operators of 8 ms
#      or more listed (--op-timeline 8). VARIANTS="LABEL|FLAGS;LABEL|FLAGS..." (default: "default|", this
#      tree's defaults) are bench_separation's extra flags; with BASE=DIR (another source tree carried along,
#      e.g. main's from `git archive main | tar -x -C .base`, carry [".base"]), DIR's bench_separation
#      first in each round;
#   3. test_cuda_engine (the planned capture against the eager pass);
#   4. one cold process with PyTorch beside it (the BENCHMARKS.md ratios);
#   5. test_cuda_separator.
# Steps 3-5 are skipped when LIMIT seconds would not hold them, so a short call still gets the rounds.
# Logs: OUTDIR/probe.log, engine.log, cold.log, pytorch.log, test_separator.log (the tool brings back 8 files).
# Usage: [BASE=DIR] [VARIANTS=...] [PROBE=0] tests/bench/gpu_cold_timeline_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-4}"; limit="${3:-500}"; mkdir -p "$out"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-tl probe_kernel_loading test_cuda_engine test_cuda_separator bench_separation
b=/tmp/b-tl/tests/bench/bench_separation
variants=()
IFS=';' read -r -a asked <<< "${VARIANTS:-default|}"
for v in "${asked[@]}"; do variants+=("${v%%|*}|$b|${v#*|}"); done
if [ -n "${BASE:-}" ]; then
  GPU_SRC="$BASE" gpu_build /tmp/b-base bench_separation
  variants=("base|/tmp/b-base/tests/bench/bench_separation|" "${variants[@]}")
fi
gpu_checkpoint
rm -f "$out"/configure*.log "$out"/build*.log "$out/checkpoint.log" # on success: room for the 8 files back
for n in $([ "${PROBE:-1}" = 0 ] || echo 1 4); do
  timeout 60 /tmp/b-tl/tests/bench/probe_kernel_loading --threads $n >> "$out/probe.log" 2>&1
  echo "== probe $n threads rc $? at ${SECONDS}s"
done
[ -f "$out/probe.log" ] && grep -E "^context|^threads" "$out/probe.log"
for i in $(seq "$rounds"); do
  for v in "${variants[@]}"; do
    IFS='|' read -r label bin extra <<< "$v"
    fits 40 "cold $i $label" || break 2
    echo "######## cold $i $label" >> "$out/cold.log"
    timeout 40 $bin $song_args --skip-python $extra --op-timeline 8 > /tmp/cold.log 2>&1
    echo "== cold $i $label rc $? at ${SECONDS}s"; cat /tmp/cold.log >> "$out/cold.log"
    grep -E "first song:|the load:|incl. load|warm songs|pinned pool|rror" /tmp/cold.log | grep -v "^| first window"
  done
done
if fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-tl/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure|rror|planned" "$out/engine.log"
  grep -c "^ok" "$out/engine.log"
fi
gpu_pytorch_beside $b
gpu_test_separator /tmp/b-tl
echo "== total ${SECONDS}s"
