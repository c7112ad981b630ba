#!/usr/bin/env python3
"""Summarises interleaved cold-process rounds of bench_separation (gpu_cold_ab_run.sh's ab.log, or
gpu_cold_timeline_run.sh's cold.log): per variant, the median of each figure over the rounds after the first
(the machine's first process reads its libraries off a cold disk), and for each variant against the reference
(REFERENCE, else the first variant in the log, e.g. main), how many paired rounds it won and the median paired
difference.

Usage: cold_ab_summary.py LOG [REFERENCE]"""
import re
import statistics
import sys

FIGURES = [
    ("whole song incl. load", re.compile(r"\| whole song incl\. load\s+\|\s+([0-9.]+) s")),
    ("load", re.compile(r"^first song: load ([0-9.]+) s")),
    ("separate after the load", re.compile(r"then separate ([0-9.]+) s")),
    ("model thread warmed up", re.compile(r"model thread: warmed up ([0-9.]+) s")),
    ("prepared for the device", re.compile(r"model thread: prepared for the device ([0-9.]+) s")),
]
HEADER = re.compile(r"^######## (?:cold )?(\d+) (\S+)")


def parse(lines):
    """{variant: {round: {figure: seconds}}}, variants in the order they first appear."""
    runs, current = {}, None
    for line in lines:
        header = HEADER.match(line)
        if header:
            current = runs.setdefault(header.group(2), {}).setdefault(int(header.group(1)), {})
            continue
        if current is None:
            continue
        for name, pattern in FIGURES:
            found = pattern.search(line)
            if found and name not in current:
                current[name] = float(found.group(1))
    return runs


def summarise(runs, reference=None):
    out = []
    variants = list(runs)
    if not variants:
        return ["no rounds found"]
    if reference is None:
        reference = variants[0]
    elif reference not in runs:
        return ["no rounds of the reference %s found" % reference]
    variants.remove(reference)
    variants.insert(0, reference)
    for name, _ in FIGURES:
        out.append(name)
        for variant in variants:
            values = [r[name] for k, r in sorted(runs[variant].items()) if k > 1 and name in r]
            if not values:
                continue
            line = "  %-10s median %.3f s over %d rounds" % (variant, statistics.median(values), len(values))
            if variant != reference:
                pairs = [(runs[reference][k][name], r[name]) for k, r in runs[variant].items()
                         if k > 1 and name in r and name in runs[reference].get(k, {})]
                if pairs:
                    diffs = [b - a for a, b in pairs]
                    line += "; against %s: lower in %d of %d pairs, median pair %+.3f s" % (
                        reference, sum(d < 0 for d in diffs), len(diffs), statistics.median(diffs))
            out.append(line)
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    try:
        with open(sys.argv[1], encoding="utf-8", errors="replace") as log:
            print("\n".join(summarise(parse(log), sys.argv[2] if len(sys.argv) == 3 else None)))
    except OSError as e:
        sys.exit("cold_ab_summary.py: cannot read %s: %s" % (sys.argv[1], e.strerror))


if __name__ == "__main__":
    main()
