#!/usr/bin/env bash
# The GPU machine's run after the arch-model + scale merge (issues 16 and 21), in one call:
#   - builds this tree (test_cuda_engine, bench_separation) and an older tree OLD (bench_separation) against
#     the PyTorch wheel's libtorch, side by side (no Qt, no FFmpeg; no OpenMP and no oneDNN headers there,
#     so the CPU path has no Winograd convolutions: see BENCHMARKS.md);
#   - in the background, pinned to cores 0-1: OLD's and this tree's CPU rows alternately (old, new, ...);
#   - on cores 2-15: tests/cuda, then this tree's GPU rows (batch 18 with PyTorch beside it, more cold first
#     songs, one with cuDNN's v7 API, one with eager module loading, one under Kineto for the cold path's
#     profile, then batch 6 with PyTorch).
# Usage: tests/bench/gpu_merge_run.sh OUTDIR OLD_TREE   (OLD_TREE "-": this tree's tests/cuda and GPU rows only)
set -uo pipefail
out="${1:-/tmp/merge-run}"; old="${2:?old tree}"; mkdir -p "$out"
if [ "$old" = - ]; then full=false; else full=true; fi
tp="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
conf() { cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF > "$out/conf-$3.log" 2>&1 || { tail -30 "$out/conf-$3.log"; return 1; }; }
conf . /tmp/b-new new & if $full; then conf "$old" /tmp/b-old old; fi & wait
grep -h "oneDNN\|CUDA graphs" "$out"/conf-*.log
SECONDS=0
( timeout 360 cmake --build /tmp/b-new -j "$($full && echo 9 || nproc)" --target test_cuda_engine bench_separation > "$out/build-new.log" 2>&1
  echo "new build rc $? at ${SECONDS}s" ) &
$full && ( timeout 360 cmake --build /tmp/b-old -j 7 --target bench_separation > "$out/build-old.log" 2>&1
  echo "old build rc $? at ${SECONDS}s" ) &
wait
grep -E "error" -A3 "$out/build-new.log" | head -60
python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > /dev/null 2>&1
b() { /tmp/b-$1/tests/bench/bench_separation --checkpoint /tmp/ck.pt --work /tmp/w-$1-$2 "${@:3}"; }
# CPU rows, old and new alternately, on two cores.
$full && ( for i in 1 2 3; do for t in old new; do
    echo "== cpu $t $i"
    taskset -c 0,1 timeout 100 bash -c "$(declare -f b); b $t cpu --device cpu --threads 2 --skip-python \
      --song-seconds 30 --reps 3" 2>&1 | grep -E "^\||first song"
  done; done ) > "$out/cpu-ab.log" 2>&1 &
cpu=$!  # (unused without OLD_TREE)
g() { taskset -c 2-15 timeout "$1" bash -c "$(declare -f b); b new gpu ${*:2}" 2>&1; }
taskset -c 2-15 timeout 120 /tmp/b-new/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test.log" 2>&1
echo "tests/cuda rc $?"; grep -E "FAIL|checks|failure" "$out/test.log" | tail -8
gpu="--device cuda --threads 14 --fp16 --song-seconds 180"
echo "== gpu batch 18 with PyTorch"; g 120 $gpu --batch 18 --window-batch 18 --reps 10 | tee "$out/gpu18.log" | grep -vE "^pytorch"
for i in 1 2 3; do echo "== gpu cold $i"; g 40 $gpu --batch 18 --skip-python --skip-forward | grep -E "first song|incl. load|warm"; done
if $full; then
  echo "== gpu cold, TORCH_CUDNN_V8_API_DISABLED=1"
  TORCH_CUDNN_V8_API_DISABLED=1 g 40 $gpu --batch 18 --skip-python --skip-forward | grep -E "first song|incl. load|warm"
  echo "== gpu cold, CUDA_MODULE_LOADING=EAGER"
  CUDA_MODULE_LOADING=EAGER g 60 $gpu --batch 18 --skip-python --skip-forward | grep -E "first song|incl. load|warm"
fi
echo "== gpu cold under Kineto"
g 90 $gpu --batch 18 --skip-python --skip-forward --trace-cold /tmp/cold.json | grep -E "first song|incl. load|trace"
python3 tests/bench/trace_summary.py /tmp/cold.json > "$out/cold-summary.txt" 2>&1; gzip -c /tmp/cold.json > "$out/cold.json.gz"
$full && echo "== gpu batch 6 with PyTorch" && g 90 $gpu --batch 6 --skip-forward | tee "$out/gpu6.log" | grep -vE "^pytorch"
if $full; then wait $cpu; cat "$out/cpu-ab.log"; fi
echo "total ${SECONDS}s after the builds began"
