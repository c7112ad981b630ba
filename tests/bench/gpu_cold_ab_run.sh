#!/usr/bin/env bash
# Issue 21's cold first song, this tree against others, in one call on the GPU machine: builds this tree's
# bench_separation, test_cuda_engine and test_cuda_separator (as `branch`) and BASE's bench_separation (as
# `base`; another source tree carried along, e.g. main's from `git archive main | tar -x -C .base`, carry
# [".base"]; BASE=@branch: this tree's build again), and MORE="LABEL=DIR ..." trees' the same way
# (LABEL=@OTHER: OTHER's build again). ENV_LABEL="VAR=VALUE ...": the environment of LABEL's processes, so one
# build can be compared with itself under another environment. Then one process that reads the libraries off
# the cold disk (not counted), with CENSUS=1 one process of each of CENSUS_LABELS (default: base and branch)
# with the op timeline (operators of 2 ms or more: census-LABEL.log), then ROUNDS rounds of fresh processes,
# one per label, the order rotated from round to round. Each is a cold first song incl. load (180 s, batch
# 18, float16) without the timeline (the product as it runs: with the timeline's callbacks on every thread,
# calls p3 and p4 of BENCHMARKS.md's "fewer kernel modules" disagreed on one machine). Then
# cold_ab_summary.py (medians from round 2 on, paired wins against base), test_cuda_engine,
# test_cuda_separator and, with PYTORCH=1, one branch process with PyTorch beside it. EXTRA: flags for every
# bench_separation. The rounds stop before LIMIT seconds.
# Logs: OUTDIR/ab.log, summary.txt, census-*.log, engine.log, test_separator.log, pytorch.log.
# Usage: BASE=DIR|@branch [MORE="LABEL=DIR|@LABEL ..."] [ENV_LABEL=...] [CENSUS=1 [CENSUS_LABELS=...]]
#          [PYTORCH=1] [EXTRA=...] tests/bench/gpu_cold_ab_run.sh OUTDIR [ROUNDS] [LIMIT]
set -uo pipefail
out="${1:?outdir}"; rounds="${2:-8}"; limit="${3:-400}"; mkdir -p "$out"
: "${BASE:?BASE=DIR: the tree to compare against}"
. "$(dirname "$0")/gpu_common.sh"
gpu_build /tmp/b-branch bench_separation test_cuda_engine test_cuda_separator
# LABEL's bench_separation: SRC's tree built, or with SRC=@OTHER, OTHER's build again.
build_label() {
  if [ "${2:0:1}" = @ ]; then ln -sfn "/tmp/b-${2:1}" "/tmp/b-$1"
  else GPU_SRC="$2" gpu_build "/tmp/b-$1" bench_separation; fi
}
build_label base "$BASE"
labels=(base branch)
for more in ${MORE:-}; do
  build_label "${more%%=*}" "${more#*=}"
  labels+=("${more%%=*}")
done
gpu_checkpoint
rm -f "$out"/configure*.log "$out"/build*.log "$out/checkpoint.log"
bench() {
  local env_var="ENV_$1"
  env ${!env_var:-} timeout 40 "/tmp/b-$1/tests/bench/bench_separation" $song_args --skip-python \
    ${EXTRA:-} "${@:2}"
}
bench branch > /tmp/ab.log 2>&1
echo "== the disk-warming process (not counted): $(grep -E "whole song incl. load" /tmp/ab.log)"
if [ "${CENSUS:-0}" = 1 ]; then
  for v in ${CENSUS_LABELS:-base branch}; do
    bench "$v" --op-timeline 2 > "$out/census-$v.log" 2>&1
    echo "== census $v rc $?: $(grep -E "whole song incl. load" "$out/census-$v.log")"
  done
fi
n=${#labels[@]}
for i in $(seq "$rounds"); do
  for k in $(seq 0 $((n - 1))); do
    v=${labels[$(((i + k) % n))]}
    fits 60 "round $i" || break 2
    bench "$v" > /tmp/ab.log 2>&1
    echo "== $i $v rc $?: $(grep -E "whole song incl. load" /tmp/ab.log) $(grep -o "then separate [0-9.]* s" /tmp/ab.log)"
    echo "######## $i $v" >> "$out/ab.log"; cat /tmp/ab.log >> "$out/ab.log"
  done
done
python3 "$(dirname "$0")/cold_ab_summary.py" "$out/ab.log" base | tee "$out/summary.txt"
if fits 120 test_cuda_engine; then
  timeout 120 /tmp/b-branch/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/engine.log" 2>&1
  echo "== test_cuda_engine rc $? at ${SECONDS}s"; grep -E "FAIL|failure" "$out/engine.log" | head -20
fi
gpu_test_separator /tmp/b-branch
[ "${PYTORCH:-0}" = 1 ] && gpu_pytorch_beside /tmp/b-branch/tests/bench/bench_separation
echo "== total ${SECONDS}s"
