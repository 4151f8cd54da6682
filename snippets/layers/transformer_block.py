"""A pre-norm transformer block with one causal attention head: forward and backward passes.

X (n, p) holds n tokens as rows, p features each. Weights are stored (out, in), as in
snippets/layers/linear.py: lin(X; W, b) = X Wᵀ + 1 bᵀ. With h the head width and f the
MLP width, the block computes

    H₁ = LN(X; γ₁, β₁)                                  (n, p)
    Q, K, V = lin(H₁; W_Q, b_Q), lin(H₁; W_K, b_K), lin(H₁; W_V, b_V)    (n, h) each
    A = softmax(Q Kᵀ / √h + M) V,  M the causal mask     (n, h)
    Z = X + lin(A; W_O, b_O)                             (n, p)   first residual
    H₂ = LN(Z; γ₂, β₂)                                   (n, p)
    U = lin(H₂; W₁, b₁)                                  (n, f)
    Y = Z + lin(GELU(U); W₂, b₂)                         (n, p)   second residual

W_Q, W_K, W_V: (h, p); W_O: (p, h); W₁: (f, p); W₂: (p, f). Backward, from dY = ∂φ/∂Y:
each residual sends its gradient both ways (dZ = dY + the MLP's input gradient; dX = dZ +
the attention branch's), and H₁ feeds three linear maps, so dH₁ = dQ W_Q + dK W_K + dV W_V.
"""

import numpy as np

from snippets.layers.activations import gelu, gelu_backward
from snippets.layers.attention import attention_backward, attention_forward, causal_mask
from snippets.layers.linear import linear_backward, linear_forward
from snippets.layers.normalization import layernorm_backward, layernorm_forward

#: The parameters and their shapes, for model width p, head width h and MLP width f.
PARAMETER_SHAPES = {
    "gamma1": ("p",),
    "beta1": ("p",),
    "WQ": ("h", "p"),
    "bQ": ("h",),
    "WK": ("h", "p"),
    "bK": ("h",),
    "WV": ("h", "p"),
    "bV": ("h",),
    "WO": ("p", "h"),
    "bO": ("p",),
    "gamma2": ("p",),
    "beta2": ("p",),
    "W1": ("f", "p"),
    "b1": ("f",),
    "W2": ("p", "f"),
    "b2": ("p",),
}


def _check_parameters(params, X):
    """Every parameter present, with the shape its role requires: else a clear error."""
    if not isinstance(X, np.ndarray) or X.ndim != 2:
        raise ValueError(f"X must be an array of shape (n, p), tokens as rows; got {X!r:.60}")
    missing = sorted(set(PARAMETER_SHAPES) - set(params))
    if missing:
        raise ValueError(f"parameters missing: {', '.join(missing)}")
    sizes = {"p": X.shape[1], "h": params["WQ"].shape[0], "f": params["W1"].shape[0]}
    for name, dims in PARAMETER_SHAPES.items():
        expected = tuple(sizes[d] for d in dims)
        if params[name].shape != expected:
            raise ValueError(
                f"{name} must have shape {expected} ({', '.join(dims)} = "
                f"{', '.join(str(sizes[d]) for d in dims)}); got {params[name].shape}"
            )


def block_forward(params, X):
    """Y = Z + lin(GELU(lin(LN(Z)))), Z = X + lin(attention(LN(X))), causal; X (n, p).
    Returns Y (n, p) and the cache the backward pass needs."""
    _check_parameters(params, X)
    P = params
    M = causal_mask(X.shape[0])
    H1 = layernorm_forward(X, P["gamma1"], P["beta1"])
    Q = linear_forward(H1, P["WQ"], P["bQ"])
    K = linear_forward(H1, P["WK"], P["bK"])
    V = linear_forward(H1, P["WV"], P["bV"])
    A = attention_forward(Q, K, V, M)
    Z = X + linear_forward(A, P["WO"], P["bO"])
    H2 = layernorm_forward(Z, P["gamma2"], P["beta2"])
    U = linear_forward(H2, P["W1"], P["b1"])
    Y = Z + linear_forward(gelu(U), P["W2"], P["b2"])
    cache = {"X": X, "M": M, "H1": H1, "Q": Q, "K": K, "V": V, "A": A, "Z": Z, "H2": H2, "U": U}
    return Y, cache


def block_backward(dY, params, cache):
    """Given dY = ∂φ/∂Y (n, p), return a dict of gradients: dX and d<name> for every
    parameter, each of the shape of its variable."""
    P, c = params, cache
    if dY.shape != c["X"].shape:
        raise ValueError(f"dY must have the shape of Y, {c['X'].shape}; got {dY.shape}")
    g = {}
    # MLP branch: Y = Z + lin(GELU(U)), U = lin(LN(Z))
    dS, g["dW2"], g["db2"] = linear_backward(dY, gelu(c["U"]), P["W2"])
    dU = gelu_backward(dS, c["U"])
    dH2, g["dW1"], g["db1"] = linear_backward(dU, c["H2"], P["W1"])
    dZ_norm, g["dgamma2"], g["dbeta2"] = layernorm_backward(dH2, c["Z"], P["gamma2"])
    dZ = dY + dZ_norm  # the residual passes dY through unchanged
    # attention branch: Z = X + lin(A), A = attention(Q, K, V)
    dA, g["dWO"], g["dbO"] = linear_backward(dZ, c["A"], P["WO"])
    dQ, dK, dV = attention_backward(dA, c["Q"], c["K"], c["V"], c["M"])
    dH1 = np.zeros_like(c["H1"])
    for name, d in (("Q", dQ), ("K", dK), ("V", dV)):  # H₁ feeds three maps: add their gradients
        dH1_part, g["dW" + name], g["db" + name] = linear_backward(d, c["H1"], P["W" + name])
        dH1 = dH1 + dH1_part
    dX_norm, g["dgamma1"], g["dbeta1"] = layernorm_backward(dH1, c["X"], P["gamma1"])
    g["dX"] = dZ + dX_norm  # the first residual
    return g
