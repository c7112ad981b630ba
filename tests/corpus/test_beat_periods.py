"""The corpus builder's tempo-truth check (beat_periods, through midi_clips.tempo_truth) on MIDI files written
here with mido: a 4/4 groove keeps its notated tempo, a dotted-eighth pulse notated in quarters (a tracker's
3-row beat exported as 4, like openmsx busy_schedule) gets the beat its notes play, and a pulse that is no
2:3 or 3:4 relative of the notated beat gets no tempo truth. ctest runs it (corpus_beat_periods).

    /usr/bin/python3 tests/corpus/test_beat_periods.py
"""
import os
import sys
import tempfile
import unittest

import mido

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import midi_clips  # noqa: E402

KICK, SNARE, HAT = 36, 38, 42


def write_midi(path, ticks_per_beat, tempo, hits, time_signature=None):
    """hits: [(tick, channel, note, velocity)], each 10 ticks long."""
    mid = mido.MidiFile(type=1, ticks_per_beat=ticks_per_beat)
    meta = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=tempo, time=0)])
    if time_signature:
        meta.append(mido.MetaMessage("time_signature", numerator=time_signature[0],
                                     denominator=time_signature[1], time=0))
    mid.tracks.append(meta)
    timeline = []
    for tick, channel, note, velocity in hits:
        timeline.append((tick, 1, mido.Message("note_on", channel=channel, note=note, velocity=velocity)))
        timeline.append((tick + 10, 0, mido.Message("note_off", channel=channel, note=note, velocity=0)))
    track, last = mido.MidiTrack(), 0
    for tick, _, msg in sorted(timeline, key=lambda e: (e[0], e[1])):
        track.append(msg.copy(time=tick - last))
        last = tick
    mid.tracks.append(track)
    mid.save(path)
    return mido.MidiFile(path)


def truth(mid, beats):
    """midi_clips.tempo_truth of the whole file (all channels), as the corpus builder computes it."""
    end_tick = int(beats * mid.ticks_per_beat)
    return midi_clips.tempo_truth(mid, midi_clips.absolute_events(mid), 0, end_tick, lambda c: True,
                                  midi_clips.constant_tempo(mid, end_tick), midi_clips.grid_offset_ticks(mid, end_tick))


class BeatPeriods(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_four_four_keeps_its_notated_tempo(self):
        # 120 BPM, 4/4, 16 bars: kick on 1 and 3, snare on 2 and 4, eighth hats, a bass note every beat.
        tpb, hits = 480, []
        for beat in range(64):
            tick = beat * tpb
            hits.append((tick, 9, KICK if beat % 2 == 0 else SNARE, 110))
            hits += [(tick, 9, HAT, 70), (tick + tpb // 2, 9, HAT, 50), (tick, 0, 40 + beat % 4 * 2, 90)]
        mid = write_midi(self.path("four.mid"), tpb, 500000, hits, (4, 4))
        result = truth(mid, 64)
        self.assertEqual(result["bpm"], 120.0)
        self.assertEqual(result["beats_per_bar"], 4)
        self.assertEqual(result["first_beat"], 0.0)
        self.assertEqual(result["note"], "")

    def test_dotted_pulse_gets_the_beat_its_notes_play(self):
        # 134 BPM notated, 96 ticks a quarter, no time signature; the notes play a 72-tick (dotted-eighth)
        # pulse, 4 pulses to a bar (3 notated beats), from the second pulse on: the beat is 3/4 notated.
        tpb, pulse, hits = 96, 72, []
        for p in range(1, 60):
            tick = p * pulse
            position = (p - 1) % 4
            hits.append((tick, 9, HAT, 60))
            if position in (0, 2):
                hits.append((tick, 9, KICK if position == 0 else SNARE, 110))
                hits.append((tick, 0, 45 if position == 0 else 52, 90))
        mid = write_midi(self.path("dotted.mid"), tpb, 447761, hits)
        result = truth(mid, 45)
        self.assertAlmostEqual(result["bpm"], 134.0 * 4 / 3, places=2)  # 178.667
        self.assertEqual(result["beats_per_bar"], 4)
        self.assertAlmostEqual(result["first_beat"], pulse / tpb * 0.447761, places=3)  # the first note's pulse
        self.assertIn("not a period of the notes", result["note"])
        self.assertIn("beat = 3/4 notated", result["note"])

    def test_a_pulse_no_unit_explains_has_no_tempo_truth(self):
        # Notes every five sixteenths: neither the notated beat nor any 2:3 or 3:4 unit of it is a period.
        tpb, hits = 96, [(p * 120, 9, KICK if p % 2 == 0 else SNARE, 100) for p in range(40)]
        mid = write_midi(self.path("five.mid"), tpb, 500000, hits, (4, 4))
        result = truth(mid, 50)
        self.assertIsNone(result["bpm"])
        self.assertIn("no tempo truth", result["note"])


if __name__ == "__main__":
    unittest.main()
