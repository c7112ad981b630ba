#!/usr/bin/env bash
# The GPU machine's run for issue 21's cold first song with the capture's convolutions planned on several
# threads (core/model/cuda/ConvPlanners.h), in one call: builds probe_cold_pass, tests/cuda, bench_separation
# (and bench_throughput with SNDFILE_ROOT) against the PyTorch wheel's libtorch, then
#   1. probe_cold_pass: a fresh process's first pass split into per-process and per-thread host cost;
#   2. test_cuda_engine (the planned capture against the eager pass), before the timings so that a failing
#      planner is seen even when time runs out;
#   3. ROUNDS pairs of fresh cold processes, interleaved: --plan-threads 0 (the capturing thread plans) then -1
#      (planner threads from the cores, the app's default);
#   4. one cold process with PyTorch beside it (the BENCHMARKS.md ratios);
#   5. test_cuda_separator;
#   6. bench_throughput's 200 songs, WAV out, beside the PyTorch script, if time is left.
# Usage: [SNDFILE_ROOT=DIR] [PROBE=0] [ENGINE=0] tests/bench/gpu_plan_run.sh OUTDIR [ROUNDS] [LIMIT]
# (PROBE=0: no step 1, ENGINE=0: no step 2; neither is then built)
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-4}"; limit="${3:-560}"; mkdir -p "$out"
. "$(dirname "$0")/gpu_common.sh"
probe="${PROBE:-1}"; engine="${ENGINE:-1}"
targets="test_cuda_separator bench_separation"
[ "$probe" = 1 ] && targets="$targets probe_cold_pass"
[ "$engine" = 1 ] && targets="$targets test_cuda_engine"
gpu_build /tmp/b-plan $targets
gpu_checkpoint
p=/tmp/b-plan/tests/bench/probe_cold_pass
if [ "$probe" = 1 ] && fits 60 probe; then
  echo "== probe seq + relaxed capture at ${SECONDS}s"; timeout 50 $p --order seq --capture relaxed 2>&1 | tee "$out/probe_seq.log"
fi
if [ "$probe" = 1 ] && fits 60 "probe par"; then
  echo "== probe par at ${SECONDS}s"; timeout 50 $p --order par 2>&1 | head -8 | tee "$out/probe_par.log"
fi
if [ "$engine" = 1 ] && fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-plan/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test_engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure|rror|planned" "$out/test_engine.log"
  grep -c "^ok" "$out/test_engine.log"
fi
b=/tmp/b-plan/tests/bench/bench_separation
for i in $(seq "$rounds"); do
  for t in 0 -1; do
    fits 40 "cold $i plan-threads $t" || break 2
    timeout 40 $b $song_args --skip-python --plan-threads $t > "$out/cold-$i-$t.log" 2>&1
    echo "== cold $i plan-threads $t rc $? at ${SECONDS}s"
    grep -E "first song:|the load:|incl. load|peak GPU|relative L2|rror" "$out/cold-$i-$t.log" | grep -v "^| first window"
  done
done
gpu_pytorch_beside $b
gpu_test_separator /tmp/b-plan
if [ -n "$root" ] && fits 200 "throughput wav"; then
  timeout 200 /tmp/b-plan/tests/bench/bench_throughput --checkpoint /tmp/ck.pt --songs 200 --python-songs 12 --batch 18 \
    --formats wav --modes staged --split pool --wav-writer stemcrate > "$out/throughput_wav.log" 2>&1
  echo "== throughput wav rc $? at ${SECONDS}s"; grep -v "^pytorch: " "$out/throughput_wav.log"
fi
echo "== total ${SECONDS}s"
