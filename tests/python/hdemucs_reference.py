#!/usr/bin/python3
"""torchaudio reference for Stemcrate's tests and benchmarks (Debian's python3-torchaudio).

Sub-commands:
  checkpoint  --config high --seed 0 --out ckpt.pt [--dtype float16]
      A random-weight HDemucs state_dict in the exact format of torchaudio's pretrained file
      (torch.save of model.state_dict(), zip format). LayerScale, GroupNorm and the attention decay are set
      away from their tiny initial values so that every branch of the network matters for parity.
  reference   --config high --checkpoint ckpt.pt --out DIR --case LENGTH[xBATCH] ...
      For each case: DIR/input_<i>.f32 ([batch, 2, length] float32 LE) and DIR/output_<i>.f32
      ([batch, sources, 2, length]), plus DIR/manifest.json describing them.
  separate    --checkpoint ckpt.pt --wav in.wav --out out.f32
      Whole-track separation of a 16-bit PCM WAV with demucs-style normalisation, the reference for
      `stemcrate-cli separate --segment 0`: [sources, 2, length] float32.
"""
import argparse
import json
import os
import sys
import wave

import numpy as np
import torch
import torchaudio.models as tam

SOURCES = ["drums", "bass", "other", "vocals"]


def build(config):
    factory = {"low": tam.hdemucs_low, "medium": tam.hdemucs_medium, "high": tam.hdemucs_high}[config]
    return factory(sources=SOURCES)


def randomize(model, seed):
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for name, module in model.named_modules():
            kind = type(module).__name__
            if kind == "_LayerScale":
                module.scale.uniform_(0.5, 1.5, generator=g)
            elif kind == "GroupNorm":
                module.weight.copy_(1 + 0.2 * torch.randn(module.weight.shape, generator=g))
                module.bias.copy_(0.1 * torch.randn(module.bias.shape, generator=g))
            elif kind == "_LocalState":
                module.query_decay.weight.copy_(0.1 * torch.randn(module.query_decay.weight.shape, generator=g))
                module.query_decay.bias.copy_(0.5 * torch.randn(module.query_decay.bias.shape, generator=g))


def cmd_checkpoint(a):
    torch.manual_seed(a.seed)
    model = build(a.config)
    randomize(model, a.seed)
    state = model.state_dict()
    if a.dtype == "float16":
        state = type(state)((k, v.half()) for k, v in state.items())
        state._metadata = model.state_dict()._metadata
    tmp = a.out + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, a.out)


def load(config, checkpoint):
    model = build(config)
    state = torch.load(checkpoint, map_location="cpu")
    model.load_state_dict({k: v.float() for k, v in state.items()})
    return model.eval()


def cmd_reference(a):
    torch.set_num_threads(a.threads)
    model = load(a.config, a.checkpoint)
    gen = torch.Generator().manual_seed(a.seed)
    cases = []
    for i, case in enumerate(a.case):
        length, _, batch = case.partition("x")
        length, batch = int(length), int(batch or 1)
        mix = 0.3 * torch.randn(batch, 2, length, generator=gen)
        with torch.no_grad():
            out = model(mix)
        mix.numpy().astype("<f4").tofile(os.path.join(a.out, f"input_{i}.f32"))
        out.numpy().astype("<f4").tofile(os.path.join(a.out, f"output_{i}.f32"))
        cases.append({"input": f"input_{i}.f32", "output": f"output_{i}.f32", "batch": batch, "length": length,
                      "sources": len(SOURCES), "channels": 2})
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump({"config": a.config, "cases": cases}, f)


def read_wav16(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2:
            sys.exit("reference: expected 16-bit PCM")
        channels, frames = w.getnchannels(), w.getnframes()
        data = np.frombuffer(w.readframes(frames), dtype="<i2").astype(np.float32) / 32768.0
    return torch.from_numpy(data.reshape(frames, channels).T.copy())


def cmd_separate(a):
    torch.set_num_threads(a.threads)
    model = load(a.config, a.checkpoint)
    mix = read_wav16(a.wav)
    if mix.shape[0] == 1:
        mix = mix.repeat(2, 1)
    ref = mix.mean(0)
    mean, std = ref.mean(), ref.std()
    with torch.no_grad():
        out = model(((mix - mean) / (std + 1e-8))[None])[0]
    out = out * (std + 1e-8) + mean
    out.numpy().astype("<f4").tofile(a.out)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("checkpoint")
    c.add_argument("--config", default="high")
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--dtype", default="float32", choices=["float32", "float16"])
    c.add_argument("--out", required=True)
    r = sub.add_parser("reference")
    r.add_argument("--config", default="high")
    r.add_argument("--checkpoint", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--case", action="append", required=True)
    s = sub.add_parser("separate")
    s.add_argument("--config", default="high")
    s.add_argument("--checkpoint", required=True)
    s.add_argument("--wav", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    {"checkpoint": cmd_checkpoint, "reference": cmd_reference, "separate": cmd_separate}[a.cmd](a)


if __name__ == "__main__":
    main()
