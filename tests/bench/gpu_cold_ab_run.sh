#!/usr/bin/env bash
# Issue 21's cold first song, one tree against another, in one call on the GPU machine: builds this tree's
# bench_separation and test_cuda_separator and BASE's bench_separation (another source tree carried along,
# e.g. main's from `git archive main | tar -x -C .base`, carry [".base"]), then ROUNDS interleaved pairs of
# fresh processes (base first), each a cold first song incl. load (180 s, batch 18, float16), without the op
# timeline (the product as it runs: with the timeline's callbacks on every thread, calls p3 and p4 of
# BENCHMARKS.md's "fewer kernel modules" disagreed on one machine). Then cold_ab_summary.py (medians from
# round 2 on, paired wins) and test_cuda_separator. EXTRA: flags for both binaries. The rounds stop before
# LIMIT seconds.
# Logs: OUTDIR/ab.log, summary.txt, test_separator.log.
# Usage: BASE=DIR [EXTRA=...] tests/bench/gpu_cold_ab_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-8}"; limit="${3:-400}"; mkdir -p "$out"
: "${BASE:?BASE=DIR: the tree to compare against}"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-tl bench_separation test_cuda_separator
GPU_SRC="$BASE" gpu_build /tmp/b-base bench_separation
gpu_checkpoint
rm -f "$out"/configure*.log "$out"/build*.log "$out/checkpoint.log"
for i in $(seq "$rounds"); do
  for v in base branch; do
    b=/tmp/b-tl/tests/bench/bench_separation; [ "$v" = base ] && b=/tmp/b-base/tests/bench/bench_separation
    fits 60 "round $i" || break 2
    timeout 40 "$b" $song_args --skip-python ${EXTRA:-} > /tmp/ab.log 2>&1
    echo "== $i $v rc $?: $(grep -E "whole song incl. load" /tmp/ab.log)"
    echo "######## $i $v" >> "$out/ab.log"; cat /tmp/ab.log >> "$out/ab.log"
  done
done
python3 "$(dirname "$0")/cold_ab_summary.py" "$out/ab.log" | tee "$out/summary.txt"
gpu_test_separator /tmp/b-tl
echo "== total ${SECONDS}s"
