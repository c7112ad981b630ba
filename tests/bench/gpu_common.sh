# Sourced by the GPU machine's run scripts (gpu_plan_run.sh, gpu_cold_probe_run.sh, gpu_cold_timeline_run.sh):
# what every one of them does first. Expects $out (the log folder) and $limit (seconds for the whole run) to be
# set.
#   fits SECONDS WHAT       false (and says so) when SECONDS more would pass $limit
#   gpu_build DIR TARGETS   configures DIR (from the source tree $GPU_SRC, this one by default; logs
#                           $out/configure[-NAME].log and build[-NAME].log, NAME: DIR's name when GPU_SRC is set)
#                           against the PyTorch wheel's libtorch (no Qt, no FFmpeg; with
#                           SNDFILE_ROOT: a folder with include/sndfile.h and lib/libsndfile.so.1 and its
#                           libraries, made by make_sndfile_root.sh) and builds TARGETS (plus bench_throughput
#                           with SNDFILE_ROOT); exits on failure with the errors printed
#   gpu_checkpoint          a random-weights checkpoint at /tmp/ck.pt
#   gpu_pytorch_beside B    one cold bench_separation B (the 180 s song, $song_args) with PyTorch beside it
#                           (the BENCHMARKS.md ratios), into $out/pytorch.log
#   gpu_test_separator DIR  DIR's tests/cuda/test_cuda_separator, into $out/test_separator.log
SECONDS=0
fits() { if [ $((SECONDS + $1)) -gt "$limit" ]; then echo "== skipped $2: ${SECONDS}s used of ${limit}s"; return 1; fi; }
root="${SNDFILE_ROOT:-}"; link=""
if [ -n "$root" ]; then
  export LD_LIBRARY_PATH="$root/lib:${LD_LIBRARY_PATH:-}" STEMCRATE_SNDFILE="$root/lib/libsndfile.so.1"
  link="-Wl,-rpath-link,$root/lib"
fi
gpu_build() {
  local dir="$1"; shift
  local targets="$*"; [ -n "$root" ] && targets="$targets bench_throughput"
  local tp; tp="$(timeout 60 python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
  timeout 60 python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0))'
  local src="${GPU_SRC:-.}" tag=""; [ -n "${GPU_SRC:-}" ] && tag="-$(basename "$dir")"
  timeout 120 cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEMCRATE_BUILD_GUI=OFF \
    -DSTEMCRATE_WITH_FFMPEG=OFF -DCMAKE_PREFIX_PATH="$tp;$root" -DSTEMCRATE_PYTHON="$(command -v python3)" \
    -DCMAKE_CUDA_ARCHITECTURES=90 -DSTEMCRATE_OPENMP=OFF -DCMAKE_EXE_LINKER_FLAGS="$link" \
    > "$out/configure$tag.log" 2>&1 || { tail -40 "$out/configure$tag.log"; exit 1; }
  timeout 300 cmake --build "$dir" -j "$(nproc)" --target $targets > "$out/build$tag.log" 2>&1
  local rc=$?; echo "== build $src rc $rc at ${SECONDS}s"
  if [ $rc -ne 0 ]; then grep -E -B2 -A6 "error|Error" "$out/build$tag.log" | head -120; tail -5 "$out/build$tag.log"; exit 1; fi
}
gpu_checkpoint() {
  timeout 60 python3 tests/python/hdemucs_reference.py checkpoint --out /tmp/ck.pt > "$out/checkpoint.log" 2>&1 \
    || { cat "$out/checkpoint.log"; exit 1; }
}
song_args="--checkpoint /tmp/ck.pt --device cuda --threads 16 --fp16 --song-seconds 180 --batch 18 --window-batch 18 --skip-forward"
gpu_pytorch_beside() {
  fits 150 "PyTorch beside" || return
  timeout 150 "$1" $song_args > "$out/pytorch.log" 2>&1
  echo "== with PyTorch rc $? at ${SECONDS}s"; grep -v "^pytorch" "$out/pytorch.log"
}
gpu_test_separator() {
  fits 90 test_cuda_separator || return
  timeout 90 "$1/tests/cuda/test_cuda_separator" /tmp/ck.pt > "$out/test_separator.log" 2>&1
  echo "== test_cuda_separator rc $? at ${SECONDS}s"; grep -v "^ok " "$out/test_separator.log"; grep -c "^ok " "$out/test_separator.log"
}
