#!/usr/bin/env bash
# The dependency check (packaging/check_build_deps.py) must fail on a file from a package that dev.sh's list
# does not bring in, and pass once the list brings it in. A synthetic strace log reads two files: one of
# libdnnl-dev (on dev.sh's list) and one of ocl-icd-opencl-dev (only a Recommends of libdnnl-dev). Also:
# a failed pkg-config's scan of every .pc file is not a use.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
check="$here/packaging/check_build_deps.py"
trace="$(mktemp)"
trap 'rm -f "$trace"' EXIT

opencl="$(dpkg -L ocl-icd-opencl-dev | grep -m1 '/libOpenCL\.so$')"
dnnl="$(dpkg -L libdnnl-dev | grep -m1 '\.h$')"
pc_of_other="$(dpkg -L ocl-icd-opencl-dev | grep -m1 '\.pc$')"
cat >"$trace" <<TRACE
100 execve("/usr/bin/env", ["env"], 0x0 /* 1 vars */) = 0
100 openat(AT_FDCWD, "$dnnl", O_RDONLY|O_CLOEXEC) = 3
100 openat(AT_FDCWD, "$opencl", O_RDONLY|O_CLOEXEC) = 4
101 execve("/usr/bin/pkg-config", ["pkg-config", "--exists", "nothing"], 0x0 /* 1 vars */) = 0
101 openat(AT_FDCWD, "$pc_of_other", O_RDONLY) = 3
101 +++ exited with 1 +++
100 +++ exited with 0 +++
TRACE

# Without OpenCL in the list: fails, naming the package and the file.
if out="$(/usr/bin/python3 "$check" "$trace" --packages libdnnl-dev 2>&1)"; then
  echo "FAIL: the check passed although ocl-icd-opencl-dev is not brought in"; echo "$out"; exit 1
fi
grep -q "ocl-icd-opencl-dev is read" <<<"$out" || { echo "FAIL: package not named: $out"; exit 1; }
grep -q "$opencl" <<<"$out" || { echo "FAIL: file not named: $out"; exit 1; }

# With it: passes.
/usr/bin/python3 "$check" "$trace" --packages libdnnl-dev ocl-icd-opencl-dev >/dev/null

# Only the failed pkg-config read the .pc: not a use.
sed -i "/$(basename "$opencl")/d" "$trace"
/usr/bin/python3 "$check" "$trace" --packages libdnnl-dev >/dev/null
echo "PASS"
