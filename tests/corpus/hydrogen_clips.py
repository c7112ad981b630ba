"""Hydrogen's demo songs (hydrogen-data, hydrogen-drumkits), exported with h2cli. The tempo is the song
file's <bpm> (Hydrogen counts quarter notes; none of these songs has a tempo timeline); beats start at the
song's first tick. Several are swung (<swing_factor>)."""
import os
import re
import subprocess
import tempfile
import wave

import numpy as np

SONGS = [
    "/usr/share/hydrogen/data/demo_songs/GM_kit_demo1.h2song",
    "/usr/share/hydrogen/data/demo_songs/GM_kit_demo2.h2song",
    "/usr/share/hydrogen/data/demo_songs/GM_kit_demo3.h2song",
    "/usr/share/hydrogen/data/demo_songs/GM_kit_Diddley.h2song",
    "/usr/share/hydrogen/data/demo_songs/GM_kit_Jazzy.h2song",
    "/usr/share/hydrogen/data/demo_songs/TR808kit-demo.h2song",
    "/usr/share/hydrogen/data/demo_songs/tutorial_georgyporgy.h2song",
    "/usr/share/hydrogen/data/drumkits/ColomboAcousticDrumkit/Colombo-Acoustic-Drumkit-demo.h2song",
]
RATE = 44100


def clip_id(path):
    return "hydrogen_" + re.sub(r"[^a-z0-9]+", "_", os.path.basename(path)[:-7].lower()).strip("_")


def build(out_dir, ids, seconds, write_wav, log):
    rows = []
    for path in SONGS:
        cid = clip_id(path)
        if ids is not None and cid not in ids:
            continue
        text = open(path, encoding="utf-8").read()
        bpm = float(re.search(r"<bpm>([0-9.]+)</bpm>", text).group(1))
        swing = float((re.search(r"<swing_factor>([0-9.]+)<", text) or re.search("()", "0")).group(1) or 0)
        with tempfile.TemporaryDirectory() as tmp:
            raw = os.path.join(tmp, "song.wav")
            subprocess.run(["h2cli", "-s", path, "-o", raw, "-r", str(RATE), "-b", "16"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
            with wave.open(raw) as w:
                data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
                data = data.reshape(-1, w.getnchannels())
        if data.shape[0] < 8 * RATE:
            log(f"skip {cid}: export too short")
            continue
        write_wav(os.path.join(out_dir, cid + ".wav"), data[: int(seconds * RATE)])
        rows.append(dict(id=cid, source=os.path.basename(path) + " (h2cli)", bpm=bpm, beats_per_bar=4,
                         first_beat=0.0, key="-", content="drums",
                         note=f"Hydrogen demo song, swing {swing:g}"))
    return rows
