"""The corpus builder's tempo-truth check (beat_periods.check_tempo), clip by clip: how strongly each MIDI
clip's notes repeat after its notated beat against the best 2:3/3:4 unit of it, and what the builder does
with the truth (keep, re-unit, drop). Reads the same excerpts as the corpus (midi_clips.SONGS, the first
--seconds at the opening tempo); prints a markdown table sorted by the ratio, for BENCHMARKS.md.

    /usr/bin/python3 tests/corpus/score_periods.py [--seconds 30] [--only busy_schedule,the_fast_route]
"""
import argparse
import os

import mido

import beat_periods
import midi_clips


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = [s for s in args.only.split(",") if s]
    keeps = {"full": lambda c: True, "drums": lambda c: c == midi_clips.DRUM_CHANNEL,
             "drumless": lambda c: c != midi_clips.DRUM_CHANNEL}
    rows = []
    for path, start_beat, variants in midi_clips.SONGS:
        if only and not any(o in os.path.basename(path) for o in only):
            continue
        mid = mido.MidiFile(path)
        tpb = mid.ticks_per_beat
        start_tick = start_beat * tpb
        tempo = midi_clips.constant_tempo(mid, start_tick + 1) or 500000
        end_tick = start_tick + int(args.seconds * 1e6 / tempo * tpb) + tpb
        events = midi_clips.absolute_events(mid)
        for variant in variants:
            if variant[-1].isdigit():
                continue  # a transposed copy: the same notes as its drumless variant
            train = beat_periods.onset_train(events, tpb, start_tick, end_tick, keeps[variant])
            verdict = beat_periods.check_tempo(train, round(60e6 / tempo, 3))
            notated = beat_periods.strength(train, 1)
            action = ("keep" if verdict.unit == 1 else "drop" if verdict.unit is None else
                      f"beat = {verdict.unit} notated: {60e6 / tempo / float(verdict.unit):.2f} BPM, "
                      f"{verdict.beats_per_bar} to a bar")
            rows.append((verdict.ratio, midi_clips.clip_id(path, variant), 60e6 / tempo, notated, verdict.best,
                         action))
    print("| clip | notated BPM | repeats after 1 or 2 beats | after the best 2:3/3:4 unit | ratio | truth |")
    print("|---|---|---|---|---|---|")
    for ratio, cid, bpm, notated, best, action in sorted(rows):
        print(f"| {cid} | {bpm:.2f} | {notated:.2f} | {best:.2f} | {ratio:.2f} | {action} |")


if __name__ == "__main__":
    main()
