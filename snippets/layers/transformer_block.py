"""A pre-norm transformer block with one causal attention head: forward and backward passes.

Numpy only, and whole: the four layers it uses (linear, layer norm, attention, GELU) are
written out below, short, with the formulas of their own pages, so this file runs alone.

X (N, q) holds N tokens as rows, q features each. Weights are stored (out, in), as in
snippets/layers/linear.py: lin(X; W, b) = X Wᵀ + 1 bᵀ. With r the head width and w the
MLP width, the block computes

    X₁ = LN(X; γ₁, β₁)                                  (N, q)
    Q, K, V = lin(X₁; W_Q, b_Q), lin(X₁; W_K, b_K), lin(X₁; W_V, b_V)    (N, r) each
    O = softmax(Q Kᵀ / √r + M) V,  M the causal mask     (N, r)
    Y₁ = X + lin(O; W_O, b_O)                            (N, q)   first residual
    X₂ = LN(Y₁; γ₂, β₂)                                  (N, q)
    X₃ = lin(X₂; W₁, b₁)                                 (N, w)
    Y = Y₁ + lin(GELU(X₃); W₂, b₂)                       (N, q)   second residual

W_Q, W_K, W_V: (r, q); W_O: (q, r); W₁: (w, q); W₂: (q, w). Backward, from dY = ∂φ/∂Y:
each residual sends its gradient both ways (dY₁ = dY + the MLP's input gradient; dX = dY₁ +
the attention branch's), and X₁ feeds three linear maps, so dX₁ = dQ W_Q + dK W_K + dV W_V.
"""

import numpy as np

KAPPA = 1e-5  # layer norm's constant under the square root
GELU_C, GELU_A = np.sqrt(2.0 / np.pi), 0.044715


def linear_forward(X, W, b):
    """lin(X; W, b) = X Wᵀ + 1 bᵀ: X (N, q), W (m, q), b (m,)."""
    return X @ W.T + b


def linear_backward(dY, X, W):
    """dX = dY W, dW = dYᵀ X, db = dYᵀ 1, for dY = ∂φ/∂Y (N, m)."""
    return dY @ W, dY.T @ X, dY.sum(axis=0)


def _normalize_rows(X):
    """X̂ = (X − μ) / s row by row, s = √(variance + κ); returns X̂ and s (N, 1)."""
    centred = X - X.mean(axis=1, keepdims=True)
    s = np.sqrt((centred * centred).mean(axis=1, keepdims=True) + KAPPA)
    return centred / s, s


def layernorm_forward(X, gamma, beta):
    """LN(X; γ, β) = X̂ diag(γ) + 1 βᵀ."""
    return _normalize_rows(X)[0] * gamma + beta


def layernorm_backward(dY, X, gamma):
    """dX = (Ĝ − mean_row(Ĝ) − X̂ ∘ mean_row(Ĝ ∘ X̂)) / s with Ĝ = dY diag(γ); dγ, dβ."""
    Xhat, s = _normalize_rows(X)
    Ghat = dY * gamma
    mean_term = Ghat.mean(axis=1, keepdims=True)
    variance_term = Xhat * (Ghat * Xhat).mean(axis=1, keepdims=True)
    return (Ghat - mean_term - variance_term) / s, (dY * Xhat).sum(axis=0), dY.sum(axis=0)


def causal_mask(N):
    """M (N, N): 0 on and below the diagonal, −inf above: token t sees tokens 1..t."""
    return np.where(np.tri(N, dtype=bool), 0.0, -np.inf)


def _softmax_rows(S):
    E = np.exp(S - S.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def attention_forward(Q, K, V, M):
    """O = softmax(Q Kᵀ / √r + M) V, the softmax by row."""
    return _softmax_rows(Q @ K.T / np.sqrt(Q.shape[1]) + M) @ V


def attention_backward(dO, Q, K, V, M):
    """dQ = dS K / √r, dK = dSᵀ Q / √r, dV = Pᵀ dO, with dS = P ∘ (dP − rowsum(dP ∘ P))."""
    scale = 1.0 / np.sqrt(Q.shape[1])
    P = _softmax_rows(Q @ K.T * scale + M)
    dP = dO @ V.T
    dS = P * (dP - (dP * P).sum(axis=1, keepdims=True))
    return dS @ K * scale, dS.T @ Q * scale, P.T @ dO


def _gelu_parts(x):
    """σ(2u) and σ'(2u) for u = c (x + a x³), and du/dx: overflow-free (|x| capped at 1000,
    where σ(2u) is exactly 0 or 1), via log σ(t) = −log(1 + e⁻ᵗ)."""
    xc = np.clip(x, -1000.0, 1000.0)
    two_u = 2.0 * GELU_C * xc * (1.0 + GELU_A * xc * xc)
    log_s, log_s_minus = -np.logaddexp(0.0, -two_u), -np.logaddexp(0.0, two_u)
    return np.exp(log_s), np.exp(log_s + log_s_minus), GELU_C * (1.0 + 3.0 * GELU_A * xc * xc)


def gelu(x):
    """GELU, tanh approximation: ½ x (1 + tanh u) = x σ(2u), u = c (x + a x³)."""
    return x * _gelu_parts(x)[0]


def gelu_backward(dy, x):
    """dx = dy ∘ (σ(2u) + 2 x σ'(2u) du/dx)."""
    s, ds, du = _gelu_parts(x)
    return dy * (s + (x * ds) * (2.0 * du))


#: The parameters and their shapes, for model width q, head width r and MLP width w.
PARAMETER_SHAPES = {
    "gamma1": ("q",),
    "beta1": ("q",),
    "WQ": ("r", "q"),
    "bQ": ("r",),
    "WK": ("r", "q"),
    "bK": ("r",),
    "WV": ("r", "q"),
    "bV": ("r",),
    "WO": ("q", "r"),
    "bO": ("q",),
    "gamma2": ("q",),
    "beta2": ("q",),
    "W1": ("w", "q"),
    "b1": ("w",),
    "W2": ("q", "w"),
    "b2": ("q",),
}


def _check_parameters(params, X):
    """Every parameter present, with the shape its role requires: else a clear error."""
    if not isinstance(X, np.ndarray) or X.ndim != 2:
        raise ValueError(f"X must be an array of shape (N, q), tokens as rows; got {X!r:.60}")
    if X.dtype.kind != "f":
        raise TypeError(f"X must be a floating-point array; got {X.dtype}")
    missing = sorted(set(PARAMETER_SHAPES) - set(params))
    if missing:
        raise ValueError(f"parameters missing: {', '.join(missing)}")
    sizes = {"q": X.shape[1], "r": params["WQ"].shape[0], "w": params["W1"].shape[0]}
    for name, dims in PARAMETER_SHAPES.items():
        expected = tuple(sizes[d] for d in dims)
        if params[name].shape != expected:
            raise ValueError(
                f"{name} must have shape {expected} ({', '.join(dims)} = "
                f"{', '.join(str(sizes[d]) for d in dims)}); got {params[name].shape}"
            )


def block_forward(params, X):
    """Y = Y₁ + lin(GELU(lin(LN(Y₁)))), Y₁ = X + lin(attention(LN(X))), causal; X (N, q).
    Returns Y (N, q) and the cache the backward pass needs."""
    _check_parameters(params, X)
    P = params
    M = causal_mask(X.shape[0])
    X1 = layernorm_forward(X, P["gamma1"], P["beta1"])
    Q = linear_forward(X1, P["WQ"], P["bQ"])
    K = linear_forward(X1, P["WK"], P["bK"])
    V = linear_forward(X1, P["WV"], P["bV"])
    attn = attention_forward(Q, K, V, M)
    Y1 = X + linear_forward(attn, P["WO"], P["bO"])
    X2 = layernorm_forward(Y1, P["gamma2"], P["beta2"])
    X3 = linear_forward(X2, P["W1"], P["b1"])
    Y = Y1 + linear_forward(gelu(X3), P["W2"], P["b2"])
    cache = {"X": X, "M": M, "X1": X1, "Q": Q, "K": K, "V": V, "O": attn}
    cache.update(Y1=Y1, X2=X2, X3=X3)
    return Y, cache


def block_backward(dY, params, cache):
    """Given dY = ∂φ/∂Y (N, q), return a dict of gradients: dX and d<name> for every
    parameter, each of the shape of its variable."""
    P, c = params, cache
    if dY.shape != c["X"].shape:
        raise ValueError(f"dY must have the shape of Y, {c['X'].shape}; got {dY.shape}")
    g = {}
    # MLP branch: Y = Y₁ + lin(GELU(X₃)), X₃ = lin(LN(Y₁))
    dS, g["dW2"], g["db2"] = linear_backward(dY, gelu(c["X3"]), P["W2"])
    dX3 = gelu_backward(dS, c["X3"])
    dX2, g["dW1"], g["db1"] = linear_backward(dX3, c["X2"], P["W1"])
    dY1_norm, g["dgamma2"], g["dbeta2"] = layernorm_backward(dX2, c["Y1"], P["gamma2"])
    dY1 = dY + dY1_norm  # the residual passes dY through unchanged
    # attention branch: Y₁ = X + lin(O), O = attention(Q, K, V)
    dO, g["dWO"], g["dbO"] = linear_backward(dY1, c["O"], P["WO"])
    dQ, dK, dV = attention_backward(dO, c["Q"], c["K"], c["V"], c["M"])
    dX1 = np.zeros_like(c["X1"])
    for name, d in (("Q", dQ), ("K", dK), ("V", dV)):  # X₁ feeds three maps: add their gradients
        dX1_part, g["dW" + name], g["db" + name] = linear_backward(d, c["X1"], P["W" + name])
        dX1 = dX1 + dX1_part
    dX_norm, g["dgamma1"], g["dbeta1"] = layernorm_backward(dX1, c["X"], P["gamma1"])
    g["dX"] = dY1 + dX_norm  # the first residual
    return g
