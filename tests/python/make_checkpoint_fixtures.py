#!/usr/bin/env python3
"""Writes the fixtures for tests/model/tst_checkpoint.cpp into OUTDIR (run at test time; no binary
fixtures are committed).

  make_checkpoint_fixtures.py OUTDIR

For each good checkpoint NAME.pt there is NAME.json describing what the C++ reader must find:
  {"tensors": [{"key": str, "shape": [int], "buffer": bool, "dtype": str, "values": [float, ...]}]}
where "values" are the tensor's elements in row-major order as float32 (so fp16/bf16 values are the
rounded ones) and "dtype" is the dtype stored in the file.

The evil_*.pt files are pickles that would run `touch OUTDIR/marker_*` if unpickled by Python. This
script only writes them; nothing here executes them.
"""
import collections
import io
import json
import os
import pickle
import shutil
import struct
import sys
import zipfile

import torch


class Conv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(2, 3, 4)


class Net(torch.nn.Module):
    """Nested names like HDemucs's: a.0.conv.weight, lstm.weight_ih_l0_reverse, a buffer."""

    def __init__(self):
        super().__init__()
        self.a = torch.nn.ModuleList([Conv(), Conv()])
        self.lstm = torch.nn.LSTM(3, 4, num_layers=1, bidirectional=True)
        self.norm = torch.nn.GroupNorm(1, 3)
        self.register_buffer("window", torch.hann_window(8))


def describe(state_dict, buffers=()):
    tensors = []
    for key, value in state_dict.items():
        tensors.append({
            "key": key,
            "shape": list(value.shape),
            "buffer": key in buffers,
            "dtype": str(value.dtype).replace("torch.", ""),
            "values": [float(x) for x in value.detach().float().contiguous().view(-1).tolist()],
        })
    return {"tensors": tensors}


def save(out, name, state_dict, buffers=()):
    torch.save(state_dict, os.path.join(out, name + ".pt"))
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(describe(state_dict, buffers), f)


class Evil:
    """Unpickling this runs os.system(command) in Python."""

    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def write_archive(path, pickle_bytes):
    """A torch.save-shaped zip with a hand-made data.pkl."""
    stem = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(stem + "/data.pkl", pickle_bytes)
        z.writestr(stem + "/version", "3\n")


def unicode_op(text):
    data = text.encode()
    return b"X" + struct.pack("<I", len(data)) + data


def main():
    out = sys.argv[1]
    torch.manual_seed(1234)

    net = Net()
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(torch.randn_like(p))
    sd = net.state_dict()
    buffers = {"window"}
    save(out, "good", sd, buffers)
    save(out, "half", collections.OrderedDict((k, v.half()) for k, v in sd.items()), buffers)
    save(out, "bf16", collections.OrderedDict((k, v.bfloat16()) for k, v in sd.items()), buffers)
    save(out, "double", collections.OrderedDict((k, v.double()) for k, v in sd.items()), buffers)
    with zipfile.ZipFile(os.path.join(out, "good.pt")) as z:
        with open(os.path.join(out, "good.pkl"), "wb") as f:
            f.write(z.read("good/data.pkl"))
    # Parameters (not detached tensors) pickle through torch._utils._rebuild_parameter.
    save(out, "parameters", collections.OrderedDict(net.named_parameters()))
    # torch >= 2.1 adds a 'byteorder' record; fake both values by appending it to copies of good.pt.
    for order in ("little", "big"):
        path = os.path.join(out, "byteorder_%s.pt" % order)
        shutil.copyfile(os.path.join(out, "good.pt"), path)
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("good/byteorder", order)

    # Views: a transposed (non-contiguous) tensor, and three views of one storage.
    shared = torch.randn(4, 3)
    views = collections.OrderedDict()
    views["transposed"] = torch.randn(3, 5).t()
    views["shared.full"] = shared
    views["shared.tail"] = shared[1:]
    views["shared.column"] = shared[:, 2]
    views["count"] = torch.tensor(7)  # 0-dim, int64 (LongStorage)
    save(out, "views", views)

    torch.save(sd, os.path.join(out, "legacy.pt"), _use_new_zipfile_serialization=False)

    # Malicious files. A real attack file: torch.save of a dict holding a tensor and an object whose
    # __reduce__ calls os.system (pickled as GLOBAL 'posix system').
    torch.save({"weight": torch.ones(2), "payload": Evil("touch " + os.path.join(out, "marker_torchsave"))},
               os.path.join(out, "evil_torchsave.pt"))
    # The same object pickled with protocol 4, which names the global with STACK_GLOBAL.
    write_archive(os.path.join(out, "evil_stackglobal.pt"),
                  pickle.dumps(Evil("touch " + os.path.join(out, "marker_stackglobal")), protocol=4))
    # Hand-made: GLOBAL 'os system' and 'builtins eval', each called through REDUCE.
    touch_os = "touch " + os.path.join(out, "marker_os")
    write_archive(os.path.join(out, "evil_os.pt"),
                  b"\x80\x02cos\nsystem\nq\x00" + unicode_op(touch_os) + b"\x85R.")
    touch_eval = "__import__('os').system('touch " + os.path.join(out, "marker_eval") + "')"
    write_archive(os.path.join(out, "evil_eval.pt"),
                  b"\x80\x02cbuiltins\neval\nq\x00" + unicode_op(touch_eval) + b"\x85R.")


if __name__ == "__main__":
    main()
