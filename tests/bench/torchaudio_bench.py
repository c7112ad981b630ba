#!/usr/bin/python3
"""The PyTorch side of bench_separation: torchaudio's HDemucs on the same inputs, threads and BLAS.

Run by bench_separation (C++), which writes the inputs and reads the JSON this prints on its last line.
  forward: one window [1, 2, frames] from --window (raw float32), median of --reps timed passes after a warm-up.
  song:    model load (torch.load + load_state_dict) + the same windowed separation Stemcrate runs (fixed
           windows of --segment seconds, last one padded, --overlap with sin² cross-fades, --batch windows per
           pass, demucs normalisation), on --song (raw float32 planar [2, frames]); first in the process (cold,
           with the time to the first batch), then once more (warm; not with --song-once). The forward passes
           run after it.
"""
import argparse
import json
import math
import resource
import sys
import time

import numpy as np
import torch
import torchaudio
import torchaudio.models as tam

SOURCES = ["drums", "bass", "other", "vocals"]


def load_model(checkpoint, device, dtype):
    model = tam.hdemucs_high(sources=SOURCES)
    state = torch.load(checkpoint, map_location="cpu")
    model.load_state_dict({k: v.float() for k, v in state.items()})
    return model.eval().to(device)


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def separate(model, mix, segment_s, overlap, batch, device, autocast, batch_done=None):
    total = mix.shape[-1]
    window = int(round(segment_s * 44100)) if segment_s > 0 else total
    ov = int(round(min(max(overlap, 0.0), 0.5) * window)) if segment_s > 0 else 0
    hop = window - ov
    starts = [0]
    while starts[-1] + window < total:
        starts.append(starts[-1] + hop)
    ramp = np.sin(0.5 * np.pi * (np.arange(ov) + 0.5) / max(ov, 1)) ** 2 if ov else np.zeros(0)
    ref = mix.mean(0)
    mean, scale = float(ref.mean()), float(ref.std()) + 1e-8
    out = torch.zeros(len(SOURCES), 2, total)
    for first in range(0, len(starts), batch):
        idx = list(range(first, min(first + batch, len(starts))))
        x = torch.zeros(len(idx), 2, window)
        for b, k in enumerate(idx):
            seg = mix[:, starts[k]:starts[k] + window]
            x[b, :, :seg.shape[-1]] = (seg - mean) / scale
        with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16, enabled=autocast):
            y = model(x.to(device)).float().cpu()
        for b, k in enumerate(idx):
            w = torch.ones(window)
            if k > 0 and ov:
                w[:ov] = torch.from_numpy(ramp).float()
            if k + 1 < len(starts) and ov:
                w[window - ov:] = 1 - torch.from_numpy(ramp).float()
            valid = min(window, total - starts[k])
            out[:, :, starts[k]:starts[k] + valid] += (w[:valid] * (y[b, :, :, :valid] * scale + mean))
        if batch_done:
            batch_done()
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--window", help="raw float32 [2, frames] for the forward pass")
    p.add_argument("--window-frames", type=int, default=0)
    p.add_argument("--window-batch", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--song", help="raw float32 planar [2, frames]")
    p.add_argument("--song-once", action="store_true",
                   help="separate the song once (cold) and write no output: an hour-long file's peak memory "
                        "without a second 25-minute run")
    p.add_argument("--segment", type=float, default=11.0)
    p.add_argument("--overlap", type=float, default=1.0 / 11.0)
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--device", default="cpu")
    p.add_argument("--autocast", action="store_true", help="bf16 autocast (GPU)")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    device = torch.device(a.device)
    result = {"torch": torch.__version__, "torchaudio": torchaudio.__version__, "threads": torch.get_num_threads(),
              "blas": "openblas" if "openblas" in torch.__config__.show().lower() else "other"}

    t0 = time.perf_counter()
    model = load_model(a.checkpoint, device, torch.float32)
    sync(device)
    result["load_s"] = time.perf_counter() - t0

    # The song first, in a fresh process, as Stemcrate's side runs it: the cold separation gives "whole song
    # incl. load" and the first batch "first window ready"; a second separation is the warm process.
    if a.song:
        mix = torch.from_numpy(np.fromfile(a.song, dtype="<f4").reshape(2, -1).copy())
        first = []
        t = time.perf_counter()
        out = separate(model, mix, a.segment, a.overlap, a.batch, device, a.autocast,
                       lambda: first or first.append(time.perf_counter() - t))
        sync(device)
        result["song_s"] = time.perf_counter() - t + result["load_s"]
        result["first_window_s"] = first[0] + result["load_s"]
        if device.type == "cuda":
            result["song_gpu_mb"] = torch.cuda.max_memory_reserved() / 1048576.0
        if not a.song_once:
            t = time.perf_counter()
            out = separate(model, mix, a.segment, a.overlap, a.batch, device, a.autocast)
            sync(device)
            result["separate_s"] = time.perf_counter() - t
            result["song_checksum"] = float(out.abs().sum())
            out.numpy().astype("<f4").tofile(a.song + ".torch-out.f32")

    if a.window:
        w = torch.from_numpy(np.fromfile(a.window, dtype="<f4").reshape(2, -1).copy())
        x = w[None].repeat(a.window_batch, 1, 1).to(device)
        times = []
        with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16, enabled=a.autocast):
            model(x)
            for _ in range(a.reps):
                sync(device)
                t = time.perf_counter()
                model(x)
                sync(device)
                times.append(time.perf_counter() - t)
        result["forward_s"] = sorted(times)[len(times) // 2]
        result["forward_all_s"] = times

    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(result))


if __name__ == "__main__":
    main()
