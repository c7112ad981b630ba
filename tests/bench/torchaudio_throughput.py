"""The PyTorch side of bench_throughput: a script that separates a list of songs the way one would with
torchaudio: decode (libsndfile, FLAC) -> batched torchaudio HDemucs (the windows of a song in batches of
--batch, eager float32, PyTorch's default) -> write the four stems (libsndfile: WAV float or FLAC 24-bit, to
a temporary name then renamed; deleted right after, as bench_throughput does). One song after another.
Prints one JSON line last: songs, wall_s, songs_per_hour, decode_s, separate_s, write_s.
"""
import argparse
import ctypes
import json
import os
import time

import numpy as np
import torch

from torchaudio_bench import SOURCES, load_model, separate, sync


class SfInfo(ctypes.Structure):
    _fields_ = [("frames", ctypes.c_int64), ("samplerate", ctypes.c_int), ("channels", ctypes.c_int),
                ("format", ctypes.c_int), ("sections", ctypes.c_int), ("seekable", ctypes.c_int)]


sf = ctypes.CDLL(os.environ.get("STEMCRATE_SNDFILE", "libsndfile.so.1"))
sf.sf_open.restype = ctypes.c_void_p
sf.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(SfInfo)]
sf.sf_readf_float.restype = ctypes.c_int64
sf.sf_readf_float.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
sf.sf_writef_float.restype = ctypes.c_int64
sf.sf_writef_float.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
sf.sf_close.argtypes = [ctypes.c_void_p]
SFM_READ, SFM_WRITE = 0x10, 0x20
FORMATS = {"wav": 0x010000 | 0x0006, "flac": 0x170000 | 0x0003}


def read(path):
    info = SfInfo()
    handle = sf.sf_open(path.encode(), SFM_READ, ctypes.byref(info))
    if not handle:
        raise RuntimeError(f"cannot open {path}")
    data = np.empty((info.frames, info.channels), dtype=np.float32)
    sf.sf_readf_float(handle, data.ctypes.data, info.frames)
    sf.sf_close(handle)
    mix = torch.from_numpy(data.T.copy())
    return mix if mix.shape[0] == 2 else mix.repeat(2, 1)


def write(path, audio, fmt):
    info = SfInfo(0, 44100, audio.shape[0], FORMATS[fmt], 0, 0)
    handle = sf.sf_open((path + ".part").encode(), SFM_WRITE, ctypes.byref(info))
    if not handle:
        raise RuntimeError(f"cannot write {path}")
    data = np.ascontiguousarray(audio.numpy().T)
    sf.sf_writef_float(handle, data.ctypes.data, data.shape[0])
    sf.sf_close(handle)
    os.replace(path + ".part", path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--list", required=True)
    p.add_argument("--songs", type=int, default=40)
    p.add_argument("--batch", type=int, default=18)
    p.add_argument("--device", default="cuda")
    p.add_argument("--format", default="wav", choices=sorted(FORMATS))
    p.add_argument("--out", required=True)
    a = p.parse_args()
    device = torch.device(a.device)
    os.makedirs(a.out, exist_ok=True)
    songs = [line.strip() for line in open(a.list) if line.strip()][:a.songs]
    model = load_model(a.checkpoint, device, torch.float32)
    times = {"decode_s": 0.0, "separate_s": 0.0, "write_s": 0.0}
    start = time.perf_counter()
    for k, song in enumerate(songs):
        t = time.perf_counter()
        mix = read(song)
        times["decode_s"] += time.perf_counter() - t
        t = time.perf_counter()
        stems = separate(model, mix, 11.0, 1.0 / 11.0, a.batch, device, False)
        sync(device)
        times["separate_s"] += time.perf_counter() - t
        t = time.perf_counter()
        for s, name in enumerate(SOURCES):
            path = os.path.join(a.out, f"{k}-{name}.{a.format}")
            write(path, stems[s], a.format)
            os.remove(path)
        times["write_s"] += time.perf_counter() - t
    wall = time.perf_counter() - start
    print(json.dumps({"songs": len(songs), "wall_s": wall, "songs_per_hour": 3600.0 * len(songs) / wall, **times}))


if __name__ == "__main__":
    main()
