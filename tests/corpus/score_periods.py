"""Whether a MIDI clip's notated beat is a period of its notes: the check for tempo truths that
midi_clips.key_agrees is for key truths. Reads the same excerpts as the corpus (midi_clips.SONGS, the
first --seconds at the opening tempo) and prints, per clip, how strongly the note onsets (velocity
weighted, on a 1/48-beat grid) repeat after 1, 2 and 4 notated beats against 0.75, 1.5 and 3 beats (three
sixteenths, three eighths: the 2:3 and 4:3 relatives). A notated beat whose repetition is well under its
relatives' is not the pulse a listener (or a tempo estimator) hears; that truth is the notation's.

    /usr/bin/python3 tests/corpus/score_periods.py [--seconds 30] [--only busy_schedule,the_fast_route]
"""
import argparse
import os

import mido
import numpy as np

import midi_clips

STEPS = 48  # grid values per notated beat


def onset_train(mid, end_tick, keep):
    tpb = mid.ticks_per_beat
    train = np.zeros(int(end_tick / tpb * STEPS) + 1)
    for tick, _, msg in midi_clips.absolute_events(mid):
        if tick < end_tick and msg.type == "note_on" and msg.velocity > 0 and keep(msg.channel):
            train[int(round(tick / tpb * STEPS))] += msg.velocity
    return train


def repetition(train, beats):
    lag = int(round(beats * STEPS))
    if lag >= len(train):
        return 0.0
    return float(np.dot(train[:-lag], train[lag:])) / (len(train) - lag)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = [s for s in args.only.split(",") if s]
    keeps = {"full": lambda c: True, "drums": lambda c: c == midi_clips.DRUM_CHANNEL,
             "drumless": lambda c: c != midi_clips.DRUM_CHANNEL}
    print("| clip | notated BPM | repeats after 1 / 2 / 4 beats | after 0.75 / 1.5 / 3 beats | ratio |")
    print("|---|---|---|---|---|")
    for path, start_beat, variants in midi_clips.SONGS:
        if only and not any(o in os.path.basename(path) for o in only):
            continue
        mid = mido.MidiFile(path)
        tempo = midi_clips.constant_tempo(mid, start_beat * mid.ticks_per_beat + 1) or 500000
        end_tick = int(args.seconds * 1e6 / tempo * mid.ticks_per_beat) + mid.ticks_per_beat
        for variant in variants:
            train = onset_train(mid, end_tick, keeps[variant.rstrip("+-0123456789")])
            beat = [repetition(train, b) for b in (1, 2, 4)]
            relatives = [repetition(train, b) for b in (0.75, 1.5, 3)]
            ratio = max(beat) / max(1e-9, max(relatives))
            print(f"| {midi_clips.clip_id(path, variant)} | {60e6 / tempo:.2f} | "
                  f"{' / '.join(f'{v:.0f}' for v in beat)} | {' / '.join(f'{v:.0f}' for v in relatives)} | "
                  f"{ratio:.2f}{' **not a period**' if ratio < 0.6 else ''} |")


if __name__ == "__main__":
    main()
