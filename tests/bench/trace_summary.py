#!/usr/bin/env python3
"""Summarise a Kineto trace from `bench_separation --trace PATH` (CUDA builds).

Every GPU kernel is attributed to the CPU operator that launched it (the trace's "External id") and to
the innermost of our named stretches around that operator (STEMCRATE_SCOPE in HDemucs.cpp, the
Separator's "separate.*" phases). Prints kernel time by stretch, by operator (with shapes), by kernel
name, and the host-side stretches' own wall time.

usage: trace_summary.py TRACE.json [--top N]
"""
import argparse
import bisect
import collections
import json


def load(path):
    with open(path) as f:
        data = json.load(f)
    return data["traceEvents"] if isinstance(data, dict) else data


def is_scope(name):
    # Ours: no "::" (aten::, cudnn::), not a runtime call.
    return "::" not in name and not name.startswith(("cuda", "cu", "Memcpy", "Memset", "ProfilerStep"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    events = [e for e in load(args.trace) if e.get("ph") == "X"]

    cpu = [e for e in events if e.get("cat", "cpu_op") in ("cpu_op", "user_annotation")]
    gpu = [e for e in events if e.get("cat") in ("kernel", "gpu_memcpy", "gpu_memset")]
    by_external = {}
    for e in cpu:
        ext = e.get("args", {}).get("External id")
        if ext is not None:
            by_external.setdefault(ext, e)

    # Enclosing operators of an operator: same thread, interval containment. Sorted by start per thread.
    per_thread = collections.defaultdict(list)
    for e in cpu:
        per_thread[(e.get("pid"), e.get("tid"))].append(e)
    for ops in per_thread.values():
        ops.sort(key=lambda e: (e["ts"], -e.get("dur", 0)))
    starts = {k: [e["ts"] for e in v] for k, v in per_thread.items()}

    def ancestors(op):
        key = (op.get("pid"), op.get("tid"))
        ops, ts = per_thread[key], starts[key]
        end = op["ts"] + op.get("dur", 0)
        found = []
        for i in range(bisect.bisect_right(ts, op["ts"]) - 1, -1, -1):
            o = ops[i]
            if o is not op and o["ts"] <= op["ts"] and o["ts"] + o.get("dur", 0) >= end:
                found.append(o)
            if len(found) > 64:
                break
        return sorted(found, key=lambda o: o["ts"])  # outermost first

    by_scope = collections.Counter()
    by_op = collections.Counter()
    by_kernel = collections.Counter()
    count_op = collections.Counter()
    total = 0.0
    unattributed = 0.0
    cache = {}
    for k in gpu:
        dur = k.get("dur", 0) / 1000.0
        total += dur
        by_kernel[k["name"][:90]] += dur
        op = by_external.get(k.get("args", {}).get("External id"))
        if op is None:
            unattributed += dur
            by_scope["(no operator: graph replay or runtime)"] += dur
            continue
        key = id(op)
        if key not in cache:
            chain = ancestors(op) + [op]
            scopes = [o["name"] for o in chain if is_scope(o["name"])]
            # The first aten operator below the innermost scope names the work (aten::conv2d, not
            # aten::cudnn_convolution).
            last = max((i for i, o in enumerate(chain) if is_scope(o["name"])), default=-1)
            below = chain[last + 1:] or [op]
            head = below[0]
            dims = head.get("args", {}).get("Input Dims", "")
            cache[key] = (" / ".join(scopes[-2:]) or "(outside scopes)", f'{head["name"]} {dims}'[:110])
        scope, opname = cache[key]
        by_scope[scope] += dur
        by_op[(scope.split(" / ")[-1], opname)] += dur
        count_op[(scope.split(" / ")[-1], opname)] += 1

    span = 0.0
    if gpu:
        span = (max(k["ts"] + k.get("dur", 0) for k in gpu) - min(k["ts"] for k in gpu)) / 1000.0
    print(f"GPU: {len(gpu)} kernels/copies, {total:.1f} ms busy over a {span:.1f} ms span "
          f"({unattributed:.1f} ms without an operator)\n")
    print("| stretch | kernel ms |\n| --- | --- |")
    for name, ms in by_scope.most_common(args.top):
        print(f"| {name} | {ms:.2f} |")
    print("\n| stretch | operator [input dims] | launches | kernel ms |\n| --- | --- | --- | --- |")
    for (scope, name), ms in by_op.most_common(args.top):
        print(f"| {scope} | {name} | {count_op[(scope, name)]} | {ms:.2f} |")
    print("\n| kernel | ms |\n| --- | --- |")
    for name, ms in by_kernel.most_common(args.top):
        print(f"| {name} | {ms:.2f} |")

    # Host side: our stretches' wall time (the Separator's phases show where a song's time goes).
    host = collections.Counter()
    for e in cpu:
        if is_scope(e["name"]):
            host[e["name"]] += e.get("dur", 0) / 1000.0
    print("\n| host stretch | wall ms |\n| --- | --- |")
    for name, ms in sorted(host.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {ms:.2f} |")


if __name__ == "__main__":
    main()
