"""Scaled dot-product attention with an additive mask: forward and backward passes (numpy only).

Q (n, h) holds n queries as rows, K (m, h) and V (m, v) hold m keys and values
as rows, and M (n, m) is an additive mask: 0 where query i may look at key j,
−inf where it may not (any finite value adds a bias). Forward:

    S = Q Kᵀ / √h + M       (n, m)   scores
    P = softmax(S), by row   (n, m)   each row sums to 1
    O = P V                  (n, v)

Backward, with dO = G = ∂φ/∂O (n, v):

    dV = Pᵀ G                               (m, v)
    dP = G Vᵀ                               (n, m)
    dS = P ∘ (dP − rowsum(dP ∘ P) 1ₘᵀ)     (n, m)   the softmax Jacobian, never built
    dQ = dS K / √h                          (n, h)
    dK = dSᵀ Q / √h                         (m, h)

rowsum(A) = A 1ₘ is the column of row sums; ∘ is the entrywise product.
"""

import numpy as np


def _require_float(name, A, ndim):
    if not isinstance(A, np.ndarray) or A.dtype.kind != "f":
        kind = A.dtype if isinstance(A, np.ndarray) else type(A).__name__
        raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if A.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} axes; got shape {A.shape}")


def _check_inputs(Q, K, V, M):
    """Shapes that fit, float dtypes, a mask that leaves every query a key: else a clear error."""
    for name, A in (("Q", Q), ("K", K), ("V", V)):
        _require_float(name, A, 2)
    n, h = Q.shape
    m = K.shape[0]
    if K.shape[1] != h:
        raise ValueError(f"Q {Q.shape} and K {K.shape} must have the same width h (columns)")
    if V.shape[0] != m:
        raise ValueError(f"V {V.shape} must have one row per key, m = {m} rows like K {K.shape}")
    if M is None:
        return np.zeros((n, m))
    _require_float("M", M, 2)
    if M.shape != (n, m):
        raise ValueError(f"the mask M must have shape (n, m) = ({n}, {m}); got {M.shape}")
    if np.isnan(M).any() or np.isposinf(M).any():
        raise ValueError("the mask M must hold finite values or -inf, not NaN or +inf")
    blind = np.flatnonzero(np.all(np.isneginf(M), axis=1))
    if blind.size:
        raise ValueError(f"the mask M hides every key from query row {blind[0]}: softmax of -inf")
    return M


def softmax_rows(S):
    """P = softmax of each row of S (n, m): P_ij = exp(S_ij) / Σ_k exp(S_ik); −inf gives 0."""
    E = np.exp(S - S.max(axis=1, keepdims=True))  # shifting a row leaves its softmax unchanged
    return E / E.sum(axis=1, keepdims=True)


def softmax_rows_backward(dP, P):
    """dS = P ∘ (dP − rowsum(dP ∘ P) 1ᵀ), with dP = ∂φ/∂P and P = softmax_rows(S), all (n, m).

    Row by row this is (diag(y) − y yᵀ) ȳ, the softmax Jacobian of a row y of P applied to the
    matching row ȳ of dP, in O(m)."""
    return P * (dP - np.sum(dP * P, axis=1, keepdims=True))


def attention_forward(Q, K, V, M=None):
    """O = softmax(Q Kᵀ / √h + M) V, softmax by row: Q (n, h), K (m, h), V (m, v),
    M (n, m) or None (no mask); O is (n, v)."""
    M = _check_inputs(Q, K, V, M)
    P = softmax_rows(Q @ K.T / np.sqrt(Q.shape[1]) + M)
    return P @ V


def attention_backward(dO, Q, K, V, M=None):
    """Given dO = ∂φ/∂O (n, v), return dQ = dS K / √h (n, h), dK = dSᵀ Q / √h (m, h) and
    dV = Pᵀ dO (m, v), with dS = P ∘ (dP − rowsum(dP ∘ P) 1ᵀ) and dP = dO Vᵀ."""
    M = _check_inputs(Q, K, V, M)
    _require_float("dO", dO, 2)
    if dO.shape != (Q.shape[0], V.shape[1]):
        raise ValueError(f"dO must have the shape of O, {(Q.shape[0], V.shape[1])}; got {dO.shape}")
    scale = 1.0 / np.sqrt(Q.shape[1])
    P = softmax_rows(Q @ K.T * scale + M)  # recomputed, with the same mask as the forward pass
    dV = P.T @ dO
    dP = dO @ V.T
    dS = softmax_rows_backward(dP, P)  # zero wherever the mask is −inf, since P is
    dQ = dS @ K * scale
    dK = dS.T @ Q * scale
    return dQ, dK, dV


def causal_mask(n):
    """M (n, n) with 0 on and below the diagonal and −inf above: query i sees keys 0..i."""
    return np.where(np.tri(n, dtype=bool), 0.0, -np.inf)
