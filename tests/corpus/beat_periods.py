"""Whether a MIDI clip's notated beat is a period of its notes: the check on tempo truths that
midi_clips.key_agrees is on key truths. A MIDI file's set_tempo counts quarter notes; a tracker that writes
a 3-row beat as if it were 4 (openmsx busy_schedule: onsets on a dotted-eighth pulse, 96 ticks a quarter)
notates a beat the music never plays, and no listener taps it.

The notes' onsets, velocity-weighted on a grid of 1/48 notated beat, are autocorrelated: repetition(L) is how
strongly they repeat after L notated beats (1 = exactly, 0 = never; a one-step tolerance either side). A
beat unit u (in notated beats) scores strength(u) = the larger of repetition(u) and repetition(2u): the beat,
or two beats where kick and snare alternate. The notated beat (u = 1) is compared with the four units that
the 2:3 and 3:4 relations give, u in {3/4, 4/3, 2/3, 3/2} (three sixteenths, a triplet half, a triplet
quarter, three eighths); no lag either side uses is a whole number of the other's beats, so each tests
its own grid.

  keep     the notated beat repeats at least KEEP_RATIO as strongly as the best unit, and at all
           (strength >= MIN_STRENGTH). Every MIDI clip of the corpus but three; the lowest ratio is 0.71.
  re-unit  the notated beat repeats at most UNIT_RATIO as strongly as a unit u that is clearly a period itself
           (strength >= UNIT_STRENGTH). Of the units that qualify, the one nearest the notated beat
           (3/4 or 4/3 before 2/3 or 3/2: the truth moves as little as the notes allow), the stronger on a tie.
           The beat is u notated beats long: tempo = notated / u. The bar is 3 or 4 units, whichever the notes
           repeat at more strongly after 1, 2 and 3 bars (4 unless 3 is stronger). The grid's phase is the
           one that holds the most onset weight.
  drop     anything else: the notes neither keep the notated beat nor clearly name another.

The thresholds sit in the gap the corpus shows (BENCHMARKS.md, "Tempo truths checked against the notes"):
kept clips' ratios are 0.71 and over, re-united ones' 0.30-0.45 with strengths 0.88-0.95, the sparsest
kept clip's strength is 0.21.
"""
import math
from fractions import Fraction

import numpy as np

STEPS = 48  # grid values per notated beat
CANDIDATES = (Fraction(3, 4), Fraction(4, 3), Fraction(2, 3), Fraction(3, 2))
KEEP_RATIO = 0.6
UNIT_RATIO = 0.5
UNIT_STRENGTH = 0.6
MIN_STRENGTH = 0.1


def onset_train(events, ticks_per_beat, start_tick, end_tick, keep):
    """Velocity-weighted note-ons in [start, end) ticks on a 1/STEPS-beat grid. events: [(tick, _, msg)]."""
    train = np.zeros(int((end_tick - start_tick) / ticks_per_beat * STEPS) + 2)
    for tick, _, msg in events:
        if start_tick <= tick < end_tick and msg.type == "note_on" and msg.velocity > 0 and keep(msg.channel):
            train[int(round((tick - start_tick) / ticks_per_beat * STEPS))] += msg.velocity
    return train


def repetition(train, beats):
    """How strongly the onsets repeat after `beats` notated beats: the autocorrelation at that lag (best of
    the lag and a grid step either side), per overlapping value, over the zero-lag one. 0 without notes."""
    energy = float(np.dot(train, train)) / len(train)
    lag = int(round(beats * STEPS))
    if energy <= 0 or lag + 1 >= len(train):
        return 0.0
    best = max(float(np.dot(train[:-l], train[l:])) / (len(train) - l) for l in (lag - 1, lag, lag + 1))
    return best / energy


def strength(train, unit):
    return max(repetition(train, float(unit)), repetition(train, float(2 * unit)))


def bar_units(train, unit):
    """3 or 4 beats of `unit` to a bar: the one the notes repeat at more strongly after 1, 2 and 3 bars."""
    score = {k: np.mean([repetition(train, float(m * k * unit)) for m in (1, 2, 3)]) for k in (3, 4)}
    return 3 if score[3] > score[4] else 4


def grid_phase(train, unit):
    """Where a grid of `unit` beats holds the most onset weight: its phase in notated beats, in [0, unit)."""
    period = int(round(float(unit) * STEPS))
    smoothed = np.convolve(train, np.ones(3), mode="same")
    weights = [smoothed[p::period].sum() for p in range(period)]
    return int(np.argmax(weights)) / STEPS


class Verdict:
    """unit: the beat in notated beats (1 when kept), None when the tempo truth is dropped."""

    def __init__(self, unit, beats_per_bar, phase_beats, ratio, best, note):
        self.unit, self.beats_per_bar, self.phase_beats = unit, beats_per_bar, phase_beats
        self.ratio, self.best, self.note = ratio, best, note


def check_tempo(train, notated_bpm):
    """The verdict on a notated tempo (BPM, quarter notes) from its clip's onset train."""
    notated = strength(train, 1)
    units = {u: strength(train, u) for u in CANDIDATES}
    best = max(units.values())
    ratio = notated / best if best > 0 else math.inf
    if notated >= MIN_STRENGTH and ratio >= KEEP_RATIO:
        return Verdict(Fraction(1), None, 0.0, ratio, best, "")
    qualified = [u for u in CANDIDATES if units[u] >= UNIT_STRENGTH and notated <= UNIT_RATIO * units[u]]
    what = (f"notated {notated_bpm:g} BPM is not a period of the notes (they repeat {notated:.2f} after 1 or 2 "
            f"notated beats, {best:.2f} after the best 2:3/3:4 unit)")
    if not qualified:
        return Verdict(None, None, 0.0, ratio, best, what + ", no other unit clearly is: no tempo truth")
    unit = min(qualified, key=lambda u: (abs(math.log(u)), -units[u]))
    bar = bar_units(train, unit)
    return Verdict(unit, bar, grid_phase(train, unit), ratio, best,
                   f"{what}; beat = {unit} notated ({units[unit]:.2f}), {bar} to a bar")
