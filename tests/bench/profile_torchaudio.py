#!/usr/bin/python3
"""Operator profile of torchaudio's HDemucs (high) forward pass, to decide what to optimise.

  profile_torchaudio.py [--device cpu|cuda] [--batch N] [--seconds S] [--threads N] [--half]
Prints the top operators by self time (CUDA time on a GPU).
"""
import argparse

import torch
import torchaudio.models as tam

p = argparse.ArgumentParser()
p.add_argument("--device", default="cpu")
p.add_argument("--batch", type=int, default=1)
p.add_argument("--seconds", type=float, default=10.0)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--half", action="store_true", help="fp16 autocast")
a = p.parse_args()
torch.set_num_threads(a.threads)
dev = torch.device(a.device)
model = tam.hdemucs_high(sources=["drums", "bass", "other", "vocals"]).eval().to(dev)
x = 0.1 * torch.randn(a.batch, 2, int(a.seconds * 44100), device=dev)
acts = [torch.profiler.ProfilerActivity.CPU] + ([torch.profiler.ProfilerActivity.CUDA] if dev.type == "cuda" else [])
with torch.no_grad(), torch.autocast(dev.type, dtype=torch.float16, enabled=a.half):
    model(x)
    model(x)
    with torch.profiler.profile(activities=acts) as prof:
        model(x)
        if dev.type == "cuda":
            torch.cuda.synchronize()
key = "self_cuda_time_total" if dev.type == "cuda" else "self_cpu_time_total"
print(prof.key_averages().table(sort_by=key, row_limit=30))
