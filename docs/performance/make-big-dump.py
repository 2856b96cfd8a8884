#!/usr/bin/env python3
"""Writes a big attention dump for the issue-18 benchmarks, as np.savez stores it (uncompressed).

    python3 docs/performance/make-big-dump.py LAYERS HEADS TOKENS OUT

e.g. 24 16 1024 gpt2m.npz (GPT-2 medium, 1.6 GB) or 32 32 2048 big7b.npz (17 GB). The weights
go through a memory-mapped .npy next to OUT (deleted at the end) so that memory stays small:
random positive numbers, each row normalised to sum to 1 (a softmax's output), seeded so every
run writes the same file. 'tokens' holds TOKENS strings, the first '[CLS]'.
"""
import os
import sys
import numpy as np
from numpy.lib.format import open_memmap


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    layers, heads, tokens = (int(a) for a in sys.argv[1:4])
    out = sys.argv[4]
    scratch = out + ".scratch.npy"
    rng = np.random.default_rng(18)
    weights = open_memmap(scratch, mode="w+", dtype=np.float32,
                          shape=(layers, heads, tokens, tokens))
    for layer in range(layers):
        for head in range(heads):
            m = rng.random((tokens, tokens), dtype=np.float32) ** 4
            m /= m.sum(axis=1, keepdims=True)
            weights[layer, head] = m
    weights.flush()
    names = np.array(["[CLS]"] + ["tok%d" % i for i in range(1, tokens)])
    try:
        np.savez(out, attention=weights, tokens=names)
    finally:
        del weights
        os.remove(scratch)


if __name__ == "__main__":
    main()
