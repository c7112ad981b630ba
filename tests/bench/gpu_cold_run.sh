#!/usr/bin/env bash
# Issue 21's cold first song on the GPU machine, in one call:
#   - builds NEW (bench_separation, test_cuda_engine) and OLD (bench_separation) side by side against the
#     PyTorch wheel's libtorch (no Qt, no FFmpeg, no OpenMP);
#   - tests/cuda on NEW;
#   - ROUNDS rounds of fresh processes, alternately OLD, NEW, NEW with its first song without cuDNN
#     (STEMCRATE_FIRST_SONG_CUDNN=0): a cold first song incl. load (180 s, batch 18), then the warm songs;
#   - NEW beside PyTorch in the same process run (batch 18 in both modes, then batch 6);
#   - a Kineto trace of NEW's cold first song in each mode (OUTDIR/cold-summary-*.txt, cold-*.json.gz).
# Usage: tests/bench/gpu_cold_run.sh OUTDIR NEW_TREE OLD_TREE [ROUNDS]
set -uo pipefail
out="${1:?outdir}"; new="${2:?new tree}"; old="${3:?old tree}"; rounds="${4:-3}"; mkdir -p "$out"
exec > >(tee "$out/run.log") 2>&1
tp="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'; nproc
conf() { cmake -S "$1" -B "$2" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
  -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp" -DSTEMCRATE_PYTHON="$(command -v python3)" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF > "/tmp/conf-$3.log" 2>&1 || tail -30 "/tmp/conf-$3.log"; }
conf "$new" /tmp/b-new new & conf "$old" /tmp/b-old old & wait
SECONDS=0
( timeout 300 cmake --build /tmp/b-new -j 10 --target test_cuda_engine bench_separation > /tmp/build-new.log 2>&1
  echo "new build rc $? at ${SECONDS}s" ) &
( timeout 300 cmake --build /tmp/b-old -j 6 --target bench_separation > /tmp/build-old.log 2>&1
  echo "old build rc $? at ${SECONDS}s" ) &
wait
grep -h -E "error" -A3 /tmp/build-new.log /tmp/build-old.log | head -60
[ -x /tmp/b-new/tests/bench/bench_separation ] || exit 1
python3 "$new/tests/python/hdemucs_reference.py" checkpoint --out /tmp/ck.pt > /dev/null 2>&1
timeout 150 /tmp/b-new/tests/cuda/test_cuda_engine /tmp/ck.pt > "$out/test.log" 2>&1
echo "tests/cuda rc $?"; grep -E "FAIL|checks|failure" "$out/test.log" | tail -8
gpu="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180"
run() { # VARIANT TIMEOUT ARGS...
  local v=$1 t=$2; shift 2
  case $v in
    old) timeout "$t" /tmp/b-old/tests/bench/bench_separation --work /tmp/w-old $gpu "$@" ;;
    new) timeout "$t" /tmp/b-new/tests/bench/bench_separation --work /tmp/w-new $gpu "$@" ;;
    nocudnn) STEMCRATE_FIRST_SONG_CUDNN=0 timeout "$t" /tmp/b-new/tests/bench/bench_separation --work /tmp/w-new $gpu "$@" ;;
  esac 2>&1
}
for i in $(seq "$rounds"); do
  for v in old new nocudnn; do
    echo "== cold $v $i"
    run $v 40 --batch 18 --window-batch 18 --skip-python --skip-forward | grep -E "first song|incl. load|warm|relative"
  done
done
echo "== new, batch 18, PyTorch beside"; run new 150 --batch 18 --window-batch 18 --reps 10 | grep -v "^pytorch"
echo "== nocudnn, batch 18, PyTorch beside"; run nocudnn 120 --batch 18 --window-batch 18 --skip-forward | grep -v "^pytorch"
for v in new nocudnn; do
  echo "== cold $v under Kineto"
  run $v 60 --batch 18 --window-batch 18 --skip-python --skip-forward --trace-cold "/tmp/cold-$v.json" | grep -E "first song|incl. load|trace"
  python3 "$new/tests/bench/trace_summary.py" "/tmp/cold-$v.json" > "$out/cold-summary-$v.txt" 2>&1
  gzip -c "/tmp/cold-$v.json" > "$out/cold-$v.json.gz"
done
echo "== new, batch 6, PyTorch beside"; run new 120 --batch 6 --window-batch 6 --skip-forward | grep -v "^pytorch"
echo "== nocudnn, batch 6"; run nocudnn 40 --batch 6 --window-batch 6 --skip-python --skip-forward | grep -E "first song|incl. load|warm|relative"
echo "total ${SECONDS}s after the builds began"
