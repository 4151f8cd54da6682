"""An embedding lookup and its backward pass, a scatter-add (numpy only).

E: (V, d), one row per token of a vocabulary of V; idx: integers in [0, V), any shape,
for example (N,) or (batch, tokens). The forward pass picks rows:

    Y = E[idx]        Y: (*idx.shape, d),  Y[n] = E[idx[n]]

A row of E used several times gets the sum of the gradients of its uses:

    dE[v] = Σ_{n : idx[n] = v} dY[n]        dE: (V, d), zero for rows never used

In numpy: np.add.at(dE, idx, dY). Not `dE[idx] += dY`, which keeps one term per repeated index.
"""

import numpy as np


def _require_indices(idx: np.ndarray, V: int) -> None:
    if not isinstance(idx, np.ndarray) or idx.dtype.kind not in "iu":
        kind = idx.dtype if isinstance(idx, np.ndarray) else type(idx).__name__
        raise TypeError(f"idx must be an integer numpy array; got {kind}")
    if idx.size and (idx.min() < 0 or idx.max() >= V):
        bad = idx[(idx < 0) | (idx >= V)]
        raise IndexError(f"idx must lie in [0, {V}), one row of E each; got {bad[:5].tolist()}")


def embedding_forward(E: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """Y = E[idx]: E (V, d), idx integers in [0, V) of any shape; Y is (*idx.shape, d)."""
    if not isinstance(E, np.ndarray) or E.dtype.kind != "f" or E.ndim != 2:
        what = f"{E.dtype} of shape {E.shape}" if isinstance(E, np.ndarray) else type(E).__name__
        raise TypeError(f"E must be a floating-point numpy array of shape (V, d); got {what}")
    _require_indices(idx, E.shape[0])
    return E[idx]


def embedding_backward(dY: np.ndarray, idx: np.ndarray, V: int) -> np.ndarray:
    """dE (V, d): dE[v] = Σ over positions n with idx[n] = v of dY[n], dY (*idx.shape, d)."""
    _require_indices(idx, V)
    if not isinstance(dY, np.ndarray) or dY.dtype.kind != "f":
        raise TypeError("dY must be a floating-point numpy array")
    if dY.shape[:-1] != idx.shape:
        raise ValueError(
            f"dY must have shape (*idx.shape, d) = {(*idx.shape, 'd')}; got {dY.shape}"
        )
    dE = np.zeros((V, dY.shape[-1]))
    np.add.at(dE, idx, dY)  # unbuffered: a repeated index adds every one of its terms
    return dE
