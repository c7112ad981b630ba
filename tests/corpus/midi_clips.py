"""General MIDI clips: excerpts of Debian's game-music MIDI files (openttd-openmsx, planetblupi-music-midi)
rendered with FluidSynth and the FluidR3 GM soundfont. Tempo and beats come from the file's set_tempo events
(quarter notes) when that beat is a period of the variant's notes, else from the beat unit the notes repeat
at, else none (see beat_periods.check_tempo); a key comes from its key_signature event only when the excerpt's
notes agree with it (see key_agrees). Variants: the full arrangement, without drums (channel 10), drums only,
and drumless transposed by a few semitones (the key truth moves with it).
"""
import math
import os
import subprocess
import tempfile
import wave

import mido
import numpy as np

import beat_periods

OPENMSX = "/usr/share/games/openttd/baseset/openmsx"
BLUPI = "/usr/share/planetblupi/music"
SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
RATE = 44100
DRUM_CHANNEL = 9

NAMES = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
MIDO_TONIC = {"C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6, "G": 7,
              "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11, "Cb": 11}
KK_MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
KK_MINOR = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]


def key_name(tonic, minor):
    return f"{NAMES[tonic % 12]} {'minor' if minor else 'major'}"


def absolute_events(mid):
    """[(tick, track index, message)] over all tracks, in time order."""
    events = []
    for index, track in enumerate(mid.tracks):
        tick = 0
        for msg in track:
            tick += msg.time
            events.append((tick, index, msg))
    events.sort(key=lambda e: e[0])
    return events


def note_histogram(mid, start_tick, end_tick):
    """Duration-weighted pitch-class histogram of the pitched notes sounding in [start, end) ticks."""
    histogram = np.zeros(12)
    sounding = {}
    for tick, _, msg in absolute_events(mid):
        if msg.type not in ("note_on", "note_off") or msg.channel == DRUM_CHANNEL:
            continue
        key = (msg.channel, msg.note)
        if msg.type == "note_on" and msg.velocity > 0:
            sounding[key] = tick
        elif key in sounding:
            begin = max(start_tick, sounding.pop(key))
            end = min(end_tick, tick)
            if end > begin:
                histogram[msg.note % 12] += end - begin
    return histogram


def profile_correlation(histogram, tonic, minor):
    profile = np.roll(np.array(KK_MINOR if minor else KK_MAJOR), tonic)
    return float(np.corrcoef(histogram, profile)[0, 1])


def key_agrees(histogram, tonic, minor):
    """The notated key is kept when (1) at least 80 % of the note time lies in its scale (harmonic and natural
    minor together), (2) its profile correlation beats its relative key's, and (3) it ranks first of the 24
    keys. Anything else is a key signature the music has left (a default 'C', a modulation): every Blupi file
    notates C major, and music009's notes favour F major (0.84 against C's 0.75), so it is left out."""
    if histogram.sum() <= 0:
        return False
    scale = [0, 2, 3, 5, 7, 8, 10, 11] if minor else [0, 2, 4, 5, 7, 9, 11]
    share = sum(histogram[(tonic + s) % 12] for s in scale) / histogram.sum()
    relative = ((tonic + 3) % 12, False) if minor else ((tonic + 9) % 12, True)
    own = profile_correlation(histogram, tonic, minor)
    scores = sorted((profile_correlation(histogram, t, m) for t in range(12) for m in (False, True)), reverse=True)
    return share >= 0.8 and own > profile_correlation(histogram, *relative) and own >= scores[0]


def grid_offset_ticks(mid, end_tick):
    """Where the notes sit relative to the notated sixteenth grid, in ticks (signed, |x| < a 32nd). Some
    sequencers write every note a fixed few ticks late (the Blupi files: about 20 of 192 per quarter, 0.1
    beat); the beats the listener hears are the notes', so the truth grid moves with them. 0 when no single
    offset holds at least 40 % of the note-ons."""
    sixteenth = max(1, mid.ticks_per_beat // 4)
    phases = [tick % sixteenth for tick, _, msg in absolute_events(mid)
              if tick < end_tick and msg.type == "note_on" and msg.velocity > 0]
    if not phases:
        return 0.0
    width = max(1, sixteenth // 24)
    best, best_count = 0, -1
    for centre in range(sixteenth):
        count = sum(1 for p in phases if min((p - centre) % sixteenth, (centre - p) % sixteenth) <= width)
        if count > best_count:
            best, best_count = centre, count
    if best_count < 0.4 * len(phases):
        return 0.0
    near = [(p - best + sixteenth // 2) % sixteenth - sixteenth // 2 for p in phases]
    near = [d for d in near if abs(d) <= width]
    offset = best + sum(near) / len(near)
    offset = offset - sixteenth if offset > sixteenth / 2 else offset
    return offset if abs(offset) >= mid.ticks_per_beat / 48 else 0.0  # under 2 % of a beat: on the grid


def first_note_tick(mid, end_tick, keep):
    ticks = [tick for tick, _, msg in absolute_events(mid)
             if tick < end_tick and msg.type == "note_on" and msg.velocity > 0 and keep(msg.channel)]
    return min(ticks) if ticks else 0


def constant_tempo(mid, end_tick):
    """Microseconds per quarter note if the tempo is constant before end_tick, else None."""
    tempi = {msg.tempo for tick, _, msg in absolute_events(mid) if msg.type == "set_tempo" and tick < end_tick}
    return tempi.pop() if len(tempi) == 1 else None


def beats_per_bar(mid):
    signatures = [msg.numerator for _, _, msg in absolute_events(mid) if msg.type == "time_signature"]
    return signatures[0] if signatures else 4


def tempo_truth(mid, events, start_tick, end_tick, keep, tempo, offset):
    """The excerpt's tempo truth for the notes `keep` passes: {bpm (None: no truth), beats_per_bar, first_beat
    (seconds from the start), note (what the check did, "" when the notated beat stands)}. tempo: the
    constant set_tempo (microseconds a quarter); offset: grid_offset_ticks. The notated beat when it is a
    period of the notes, else the unit they repeat at (beat_periods.check_tempo). The beats run from the one
    nearest the first note on (silent lead-ins hold no audible beat; a pickup a quarter beat early or more
    starts on the beat after it): on the quarter grid moved by the notes' common offset, or on the unit's
    grid at the phase the notes give it."""
    tpb = mid.ticks_per_beat
    verdict = beat_periods.check_tempo(beat_periods.onset_train(events, tpb, start_tick, end_tick, keep),
                                       round(60e6 / tempo, 3))
    unit_ticks = float(verdict.unit or 1) * tpb
    phase = offset if verdict.unit == 1 else verdict.phase_beats * tpb
    first = math.ceil((first_note_tick(mid, end_tick, keep) - start_tick - phase) / unit_ticks - 0.25) * unit_ticks
    return dict(bpm=round(60e6 / tempo / float(verdict.unit), 3) if verdict.unit else None,
                beats_per_bar=verdict.beats_per_bar or beats_per_bar(mid),
                first_beat=round(max(0.0, first + phase) * tempo / tpb / 1e6, 4), note=verdict.note)


def notated_key(mid, end_tick):
    keys = [msg.key for tick, _, msg in absolute_events(mid) if msg.type == "key_signature" and tick < end_tick]
    if not keys or len(set(keys)) != 1:
        return None
    key = keys[0]
    minor = key.endswith("m")
    return MIDO_TONIC[key[:-1] if minor else key], minor


def excerpt(mid, start_tick, end_tick, keep, transpose):
    """A new MidiFile of the excerpt: controller state from before the start, notes in [start, end)."""
    out = mido.MidiFile(type=1, ticks_per_beat=mid.ticks_per_beat)
    for track in mid.tracks:
        new = mido.MidiTrack()
        tick, last = 0, 0
        for msg in track:
            tick += msg.time
            if msg.type == "end_of_track":
                break
            if tick >= end_tick:
                continue
            if msg.type in ("note_on", "note_off"):
                if tick < start_tick or not keep(msg.channel):
                    continue
                if msg.channel != DRUM_CHANNEL and transpose:
                    msg = msg.copy(note=max(0, min(127, msg.note + transpose)))
            elif msg.type == "key_signature":
                continue
            at = max(tick, start_tick) - start_tick
            new.append(msg.copy(time=at - last))
            last = at
        if not out.tracks:
            # Release every note at the end: FluidSynth renders on while any voice sounds.
            for channel in range(16):
                for control in (64, 123, 120):  # sustain pedal up, all notes off, all sound off
                    new.append(mido.Message("control_change", channel=channel, control=control, value=0,
                                            time=end_tick - start_tick - last))
                    last = end_tick - start_tick
        new.append(mido.MetaMessage("end_of_track", time=end_tick - start_tick - last))
        out.tracks.append(new)
    return out


def render(mid, seconds):
    with tempfile.TemporaryDirectory() as tmp:
        mid_path = os.path.join(tmp, "clip.mid")
        mid.save(mid_path)
        raw_path = os.path.join(tmp, "clip.wav")
        subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.5", "-r", str(RATE), "-F", raw_path, SOUNDFONT,
                        mid_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with wave.open(raw_path) as w:
            data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
            data = data.reshape(-1, w.getnchannels())
    return data[: int(seconds * RATE)]


# (file, start beat, variants). Variants: full, drumless, drums, drumless+N (transposed N semitones).
SONGS = [
    (f"{OPENMSX}/5432gone_redfarn.mid", 0, ["full", "drumless"]),
    (f"{OPENMSX}/be_sharp_bw_redfarn.mid", 0, ["full", "drumless", "drumless+5"]),
    (f"{OPENMSX}/boogi_marabi_redfarn.mid", 0, ["full", "drumless"]),
    (f"{OPENMSX}/busy_schedule.mid", 0, ["full", "drums"]),
    (f"{OPENMSX}/careless_perc_redfarn.mid", 0, ["full", "drumless", "drumless-1"]),
    (f"{OPENMSX}/chemistry_lab.mid", 0, ["full"]),
    (f"{OPENMSX}/chuggachugga.mid", 0, ["full"]),
    (f"{OPENMSX}/city_blues_redfarn.mid", 0, ["full", "drumless", "drumless-3"]),
    (f"{OPENMSX}/coconut_run2.mid", 0, ["full"]),
    (f"{OPENMSX}/flying_scotsman.mid", 0, ["full", "drums"]),
    (f"{OPENMSX}/harp_harmony.mid", 0, ["full"]),
    (f"{OPENMSX}/keep_on_rolling.mid", 0, ["full"]),
    (f"{OPENMSX}/linns_basket.mid", 0, ["full"]),
    (f"{OPENMSX}/midnight_snow_run.mid", 0, ["full"]),
    (f"{OPENMSX}/mighty_giant_run.mid", 0, ["full", "drums"]),
    (f"{OPENMSX}/modern_motion.mid", 0, ["full"]),
    (f"{OPENMSX}/moo_redfarn.mid", 0, ["full", "drumless", "drumless+2"]),
    (f"{OPENMSX}/mosey_along_redfarn.mid", 0, ["full", "drumless"]),
    (f"{OPENMSX}/no_work_song_redfarn.mid", 0, ["full", "drumless", "drumless-2"]),
    (f"{OPENMSX}/relax_song.mid", 0, ["full"]),
    (f"{OPENMSX}/run_for_your_life.mid", 0, ["full", "drums"]),
    (f"{OPENMSX}/say_what_redfarn.mid", 0, ["full", "drumless"]),
    (f"{OPENMSX}/slow_neasy_redfarn.mid", 0, ["full", "drumless", "drumless+4"]),
    (f"{OPENMSX}/the_fast_route.mid", 0, ["full"]),
    (f"{OPENMSX}/the_hobo_redfarn.mid", 0, ["full", "drumless"]),
    (f"{OPENMSX}/train_filled_with_cash.mid", 0, ["full"]),
    (f"{OPENMSX}/ttsong_iv_imuh3.mid", 0, ["full"]),
    (f"{OPENMSX}/tttheme2.mid", 0, ["full"]),
    (f"{OPENMSX}/ultimate_run.mid", 0, ["full"]),
    (f"{OPENMSX}/wood_whistles.mid", 0, ["full"]),
]
SONGS += [(f"{BLUPI}/music{i:03d}.mid", 0, ["full", "drumless"]) for i in (1, 2, 3, 5, 7, 8, 9)]
SONGS += [(f"{BLUPI}/music000.mid", 0, ["full", "drumless", "drumless+3"]),
          (f"{BLUPI}/music004.mid", 0, ["full", "drumless", "drumless-4"]),
          (f"{BLUPI}/music006.mid", 0, ["full", "drumless", "drumless+6"])]


def clip_id(path, variant):
    stem = os.path.splitext(os.path.basename(path))[0]
    prefix = "blupi" if "planetblupi" in path else "openmsx"
    return f"{prefix}_{stem}_{variant.replace('+', 'up').replace('-', 'down')}"


def build(out_dir, ids, seconds, write_wav, log):
    rows = []
    for path, start_beat, variants in SONGS:
        mid = mido.MidiFile(path)
        tpb = mid.ticks_per_beat
        start_tick = start_beat * tpb
        # The excerpt's length in ticks at the opening tempo; rejected below if the tempo changes within it.
        tempo = constant_tempo(mid, start_tick + 1) or 500000
        end_tick = start_tick + int(seconds * 1e6 / tempo * tpb) + tpb
        tempo = constant_tempo(mid, end_tick)
        if tempo is None:
            log(f"skip {path}: tempo changes within the excerpt")
            continue
        key = notated_key(mid, end_tick)
        histogram = note_histogram(mid, start_tick, end_tick)
        key_ok = key is not None and key_agrees(histogram, *key)
        if key is not None and not key_ok:
            log(f"{os.path.basename(path)}: key signature {key_name(*key)} left out, the notes disagree")
        offset = grid_offset_ticks(mid, end_tick)
        events = absolute_events(mid)
        for variant in variants:
            cid = clip_id(path, variant)
            if ids is not None and cid not in ids:
                continue
            transpose = int(variant[8:]) if variant.startswith("drumless") and len(variant) > 8 else 0
            keep = {"full": lambda c: True, "drums": lambda c: c == DRUM_CHANNEL}.get(
                variant, lambda c: c != DRUM_CHANNEL)
            truth = tempo_truth(mid, events, start_tick, end_tick, keep, tempo, offset)
            if truth["note"]:
                log(f"{cid}: {truth['note']}")
            audio = render(excerpt(mid, start_tick, end_tick, keep, transpose), seconds)
            if audio.shape[0] < seconds * RATE * 0.9 or np.abs(audio).max() < 1e-3:
                log(f"skip {cid}: rendered too short or silent")
                continue
            write_wav(os.path.join(out_dir, cid + ".wav"), audio)
            has_key = key_ok and variant != "drums"
            rows.append(dict(id=cid, source=f"{os.path.basename(path)} (FluidSynth, FluidR3_GM)",
                             bpm=truth["bpm"], beats_per_bar=truth["beats_per_bar"], first_beat=truth["first_beat"],
                             key=key_name(key[0] + transpose, key[1]) if has_key else "-",
                             content={"full": "full", "drums": "drums"}.get(variant, "drumless"),
                             note=f"{variant}; {truth['note']}" if truth["note"] else variant))
    return rows
