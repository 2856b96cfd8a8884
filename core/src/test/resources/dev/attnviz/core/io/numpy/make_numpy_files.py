#!/usr/bin/env python3
"""Writes the .npz files beside this script with real NumPy, for NumpyCompatibilityTest.

The arrays follow the integer formulas of dev.attnviz.core.testing.SyntheticAttention (one
division each), so the Java test computes bit-identical values and can check both that it reads
these files and that its own test-side NPY writer produces the very bytes NumPy wrote.

Run from this folder:  python3 make_numpy_files.py   (made with NumPy 2.4.6)
"""
import numpy as np


def weights(layers, heads, queries, keys, offset):
    l, h, i, j = np.meshgrid(np.arange(layers), np.arange(heads), np.arange(queries),
                             np.arange(keys), indexing="ij")
    n = 1 + (7 * l + 5 * h + 3 * i + j + offset) % 11
    return n / n.sum(axis=-1, keepdims=True)  # float64


def vectors(layers, heads, tokens, dim, offset):
    l, h, t, d = np.meshgrid(np.arange(layers), np.arange(heads), np.arange(tokens),
                             np.arange(dim), indexing="ij")
    return ((13 * l + 7 * h + 3 * t + 5 * d + offset) % 17 - 8) / 4.0


# Encoder-only, as a Hugging Face model gives it: a tuple of per-layer (batch=1, heads, q, k)
# tensors stacked into (layers, 1, heads, q, k); float32; unicode tokens with non-ASCII text.
tokens = ["<s>", "\u0120caf\u00e9", "\u0120na", "\u00efve", "\u0120\U0001F642", "</s>"]
per_layer = [w[None] for w in weights(2, 3, 6, 6, 0).astype(np.float32)]
np.savez("self-f32-batch.npz",
         attention=np.stack(per_layer),
         tokens=np.array(tokens, dtype=str),
         model_name="tiny-roberta",
         causal=False)

# A sentence pair with query and key vectors, float64, compressed.
pair = ["[CLS]", "stra\u00dfe", "ist", "[SEP]", "\u00fcber", "##all", "[SEP]"]
np.savez_compressed("pair-f64-vectors-compressed.npz",
                    attention=weights(2, 2, 7, 7, 1),
                    queries=vectors(2, 2, 7, 4, 0),
                    keys=vectors(2, 2, 7, 4, 1),
                    tokens=np.array(pair, dtype=str),
                    sentence_b_start=4)

# Encoder-decoder: big-endian Fortran-ordered float32, a batch axis, and float64.
encoder = ["\u2581Das", "\u2581Haus", "\u2581ist", "</s>"]
decoder = ["<pad>", "\u2581The", "\u2581house"]
np.savez("encoder-decoder-mixed.npz",
         encoder_attention=np.asfortranarray(weights(1, 2, 4, 4, 2).astype(">f4")),
         decoder_attention=weights(1, 2, 3, 3, 3).astype(np.float32).reshape(1, 1, 2, 3, 3),
         cross_attention=weights(1, 2, 3, 4, 4),
         encoder_tokens=np.array(encoder, dtype=str),
         decoder_tokens=np.array(decoder, dtype=str),
         model_name="tiny-t5")
