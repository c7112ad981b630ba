"""Drum grooves sequenced from Hydrogen drum-kit samples (hydrogen-data's GMRockKit, hydrogen-drumkits'
The Black Pearl) at known tempi: straight, syncopated, shuffle/swing, half-time, 3/4, four-on-the-floor and
sparse intros. Patterns are written here; the sounds are recordings of real kits nobody here made.

A pattern is a list of bars; each bar maps an instrument to hits (beat position within the bar, velocity
0..1). Humanised by a seeded +-4 ms timing jitter and a small velocity spread.
"""
import os
import wave
import xml.etree.ElementTree as ET

import numpy as np

KITS = "/usr/share/hydrogen/data/drumkits"
RATE = 44100


def read_wav(path):
    with wave.open(path) as w:
        if w.getsampwidth() != 2 or w.getframerate() != RATE:
            raise ValueError(f"{path}: expected 16-bit {RATE} Hz")
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
        return data.reshape(-1, w.getnchannels()).mean(axis=1)


class Kit:
    """Instrument name -> velocity layers (quietest first), read from the kit's drumkit.xml."""

    def __init__(self, name):
        folder = os.path.join(KITS, name)
        root = ET.parse(os.path.join(folder, "drumkit.xml")).getroot()
        self.layers = {}
        for instrument in root.iter():
            if not instrument.tag.endswith("instrument"):
                continue
            names = [c.text for c in instrument if c.tag.endswith("name")]
            files = [e.text for e in instrument.iter() if e.tag.endswith("filename")]
            if names and files:
                self.layers[names[0]] = [read_wav(os.path.join(folder, f)) for f in files]

    def sample(self, instrument, velocity):
        layers = self.layers[instrument]
        return layers[min(len(layers) - 1, int(velocity * len(layers)))]


def render(kit, roles, bars, bpm, seconds, seed):
    """bars: list of {role: [(beat, velocity), ...]}, repeated to fill `seconds`; returns mono float32."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * RATE) + RATE, dtype=np.float32)
    beat_s = 60.0 / bpm
    t_bar = 0.0
    i = 0
    while t_bar < seconds:
        bar = bars[i % len(bars)]
        beats_in_bar = bar.get("_beats", 4)
        for role, hits in bar.items():
            if role.startswith("_"):
                continue
            for beat, velocity in hits:
                t = t_bar + beat * beat_s + rng.normal(0.0, 0.004)
                v = float(np.clip(velocity + rng.normal(0.0, 0.05), 0.05, 1.0))
                s = kit.sample(roles[role], v) * v
                start = max(0, int(round(t * RATE)))
                end = min(len(out), start + len(s))
                if start < end:
                    out[start:end] += s[: end - start]
        t_bar += beats_in_bar * beat_s
        i += 1
    return out[: int(seconds * RATE)]


def hits(positions, velocity=0.8):
    return [(p, velocity) for p in positions]


def eighths(beats=4, accent=0.7, off=0.45):
    return [(b * 0.5, accent if b % 2 == 0 else off) for b in range(beats * 2)]


def triplets(beats=4, swing=True):
    # Shuffle: the first and third of each beat's triplet.
    out = []
    for b in range(beats):
        out.append((b, 0.75))
        out.append((b + (2.0 / 3.0 if swing else 0.5), 0.45))
    return out


ROCK = {"kick": hits([0, 2.5]), "snare": hits([1, 3], 0.9), "hat": eighths()}
BREAK = {"kick": hits([0, 0.75, 2.5], 0.85), "snare": hits([1, 3], 0.9) + hits([3.75], 0.35),
         "hat": [(x * 0.25, 0.55 if x % 2 == 0 else 0.3) for x in range(16)]}
SHUFFLE = {"kick": hits([0, 2]), "snare": hits([1, 3], 0.9), "hat": triplets()}
JAZZ = {"ride": [(0, 0.8), (1, 0.8), (1 + 2 / 3, 0.5), (2, 0.8), (3, 0.8), (3 + 2 / 3, 0.5)],
        "pedal": hits([1, 3], 0.6), "kick": hits([0], 0.4)}
HALFTIME = {"kick": hits([0, 1.75]), "snare": hits([2], 0.95),
            "hat": [(b * 0.5, 0.8 if b % 2 == 0 else 0.4) for b in range(8)]}
FOUR = {"kick": hits([0, 1, 2, 3], 0.9), "clap": hits([1, 3], 0.7),
        "open": hits([0.5, 1.5, 2.5, 3.5], 0.6)}
WALTZ = {"_beats": 3, "kick": hits([0], 0.9), "snare": hits([1, 2], 0.6), "hat": eighths(3)}
DNB = {"kick": hits([0, 2.5], 0.9), "snare": hits([1, 3], 0.95), "hat": eighths(accent=0.6, off=0.5)}

ROLES_GM = {"kick": "Kick", "snare": "Snare", "hat": "Hat Closed", "ride": "Ride", "pedal": "Hat Pedal",
            "clap": "Hand Clap", "open": "Hat Open"}
ROLES_PEARL = {"kick": "Pearl Kick", "snare": "Pearl Snare", "hat": "Sabian Hat Closed", "ride": "Paiste Ride",
               "pedal": "Sabian Hat Pedal", "clap": "Hand Clap", "open": "Sabian Hat Open"}


def intro(full, sparse_bars):
    """Sparse intro: bars with only the hat (then hat + kick) before the full groove."""
    hat_only = {"_beats": full.get("_beats", 4), "hat": full["hat"]}
    hat_kick = dict(hat_only, kick=full["kick"])
    return [hat_only] * sparse_bars + [hat_kick] * sparse_bars + [full] * 64


# (id, pattern bars, kit, bpm, beats per bar, description). The notated tempo is the one whose quarter notes
# the groove is written in (half-time: the hats' quarter notes, with the snare on 3).
GROOVES = [
    ("groove_rock_060", [ROCK], "GMRockKit", 60.0, 4, "straight rock, 8th hats"),
    ("groove_rock_085", [ROCK], "The Black Pearl 1.0", 85.0, 4, "straight rock"),
    ("groove_rock_120", [ROCK], "GMRockKit", 120.0, 4, "straight rock"),
    ("groove_rock_176", [ROCK], "The Black Pearl 1.0", 176.0, 4, "straight rock, fast"),
    ("groove_break_097", [BREAK], "GMRockKit", 97.0, 4, "syncopated break, 16th hats"),
    ("groove_break_112", [BREAK], "The Black Pearl 1.0", 112.5, 4, "syncopated break, non-integer tempo"),
    ("groove_break_165", [BREAK], "GMRockKit", 165.0, 4, "syncopated break, fast"),
    ("groove_shuffle_072", [SHUFFLE], "The Black Pearl 1.0", 72.0, 4, "shuffle (triplet swing)"),
    ("groove_shuffle_116", [SHUFFLE], "GMRockKit", 116.0, 4, "shuffle (triplet swing)"),
    ("groove_shuffle_138", [SHUFFLE], "The Black Pearl 1.0", 138.0, 4, "shuffle (triplet swing)"),
    ("groove_jazz_190", [JAZZ], "GMRockKit", 190.0, 4, "jazz ride swing, hi-hat on 2 and 4"),
    ("groove_halftime_140", [HALFTIME], "The Black Pearl 1.0", 140.0, 4, "half-time feel, snare on 3"),
    ("groove_halftime_150", [HALFTIME], "GMRockKit", 150.0, 4, "half-time feel, snare on 3"),
    ("groove_four_124", [FOUR], "GMRockKit", 124.0, 4, "four on the floor, open hats off-beat"),
    ("groove_four_200", [FOUR], "The Black Pearl 1.0", 200.0, 4, "four on the floor, fast"),
    ("groove_waltz_090", [WALTZ], "GMRockKit", 90.0, 3, "3/4"),
    ("groove_waltz_150", [WALTZ], "The Black Pearl 1.0", 150.0, 3, "3/4"),
    ("groove_waltz_180", [WALTZ], "GMRockKit", 180.0, 3, "3/4, fast"),
    ("groove_intro_100", intro(ROCK, 2), "The Black Pearl 1.0", 100.0, 4, "sparse intro: hats, then kick, then groove"),
    ("groove_intro_128", intro(FOUR | {"hat": eighths()}, 2), "GMRockKit", 128.0, 4, "sparse intro"),
    ("groove_dnb_174", [DNB], "The Black Pearl 1.0", 174.0, 4, "two-step drum and bass"),
]


def build(out_dir, ids, seconds, write_wav):
    kits = {}
    rows = []
    for seed, (clip_id, bars, kit_name, bpm, beats_per_bar, description) in enumerate(GROOVES):
        if ids is not None and clip_id not in ids:
            continue
        if kit_name not in kits:
            kits[kit_name] = Kit(kit_name)
        roles = ROLES_GM if kit_name == "GMRockKit" else ROLES_PEARL
        mono = render(kits[kit_name], roles, bars, bpm, seconds, seed + 17)
        write_wav(os.path.join(out_dir, clip_id + ".wav"), mono)
        rows.append(dict(id=clip_id, source=f"hydrogen-drumkits:{kit_name}", bpm=bpm, beats_per_bar=beats_per_bar,
                         first_beat=0.0, key="-", content="drums", note=description))
    return rows
