"""Layer norm and batch norm (training mode): forward and backward passes (numpy only).

X (n, p) holds n samples as rows, p features each. Both layers centre, scale,
then apply a gain γ (p,) and a shift β (p,), one per feature:

    X̂ = (X − mean) / σ,   Y = X̂ diag(γ) + 1ₙ βᵀ     (n, p)

Layer norm takes mean and σ along each ROW (over the p features of a sample);
batch norm in training mode takes them along each COLUMN (over the n samples
of the batch), with σ = √(variance + ε) and the variance divided by the count,
not by the count − 1. With dY = G = ∂φ/∂Y and Ĝ = G diag(γ) = ∂φ/∂X̂:

    layer norm:  dX = Σ⁻¹ (Ĝ − (1/p) Ĝ 1ₚ 1ₚᵀ − (1/p) diag((Ĝ ∘ X̂) 1ₚ) X̂),  Σ = diag(σ) (n, n)
    batch norm:  dX = (Ĝ − (1/n) 1ₙ 1ₙᵀ Ĝ − (1/n) X̂ diag(1ₙᵀ (Ĝ ∘ X̂))) Σ⁻¹,  Σ = diag(σ) (p, p)
    both:        dγ = (G ∘ X̂)ᵀ 1ₙ  (p,),   dβ = Gᵀ 1ₙ  (p,)
"""

import numpy as np


def _check(axis_name, X, gamma, beta=None, dY=None):
    """Refuse what numpy would silently broadcast or round: the message names the problem."""
    given = {"X": X, "gamma": gamma, "beta": beta, "dY": dY}
    for name, A in ((k, v) for k, v in given.items() if v is not None or k == "X"):
        if not isinstance(A, np.ndarray) or A.dtype.kind != "f":
            kind = A.dtype if isinstance(A, np.ndarray) else type(A).__name__
            raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if X.ndim != 2:
        raise ValueError(f"X must have shape (n, p), samples as rows; got {X.shape}")
    p = X.shape[1]
    for name, v in (("gamma", gamma), ("beta", beta)):
        if v is not None and v.shape != (p,):
            raise ValueError(f"{name} must have shape ({p},), one entry per feature; got {v.shape}")
    if dY is not None and dY.shape != X.shape:
        raise ValueError(f"dY must have the shape of X, {X.shape}; got {dY.shape}")
    if axis_name == "batch" and X.shape[0] < 2:
        raise ValueError("batch norm needs at least 2 samples: the variance of one sample is 0")


def _normalize(X, axis, eps):
    """X̂ and σ, with mean and variance taken along `axis` (1: rows, 0: columns)."""
    mu = X.mean(axis=axis, keepdims=True)
    sigma = np.sqrt(((X - mu) ** 2).mean(axis=axis, keepdims=True) + eps)
    return (X - mu) / sigma, sigma


def layernorm_forward(X, gamma, beta, eps=1e-5):
    """Y = X̂ diag(γ) + 1ₙ βᵀ, each row of X (n, p) normalised over its p features; Y (n, p)."""
    _check("layer", X, gamma, beta)
    Xhat, _ = _normalize(X, axis=1, eps=eps)
    return Xhat * gamma + beta


def layernorm_backward(dY, X, gamma, eps=1e-5):
    """dX = Σ⁻¹ (Ĝ − mean_row(Ĝ) − X̂ ∘ mean_row(Ĝ ∘ X̂)), with Ĝ = dY diag(γ);
    dY, X (n, p), gamma (p,). Returns dX (n, p), dgamma (p,), dbeta (p,)."""
    _check("layer", X, gamma, dY=dY)
    Xhat, sigma = _normalize(X, axis=1, eps=eps)  # sigma (n, 1)
    dXhat = dY * gamma  # Ĝ
    mean_term = dXhat.mean(axis=1, keepdims=True)  # (1/p) Ĝ 1ₚ, from the mean
    var_term = (dXhat * Xhat).mean(axis=1, keepdims=True)  # (1/p) (Ĝ ∘ X̂) 1ₚ, from σ
    dX = (dXhat - mean_term - Xhat * var_term) / sigma
    return dX, (dY * Xhat).sum(axis=0), dY.sum(axis=0)


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    """Y = X̂ diag(γ) + 1ₙ βᵀ, each column of X (n, p) normalised over the n samples; Y (n, p)."""
    _check("batch", X, gamma, beta)
    Xhat, _ = _normalize(X, axis=0, eps=eps)
    return Xhat * gamma + beta


def batchnorm_backward(dY, X, gamma, eps=1e-5):
    """dX = (Ĝ − mean_col(Ĝ) − X̂ ∘ mean_col(Ĝ ∘ X̂)) Σ⁻¹, with Ĝ = dY diag(γ);
    dY, X (n, p), gamma (p,). Returns dX (n, p), dgamma (p,), dbeta (p,)."""
    _check("batch", X, gamma, dY=dY)
    Xhat, sigma = _normalize(X, axis=0, eps=eps)  # sigma (1, p)
    dXhat = dY * gamma
    mean_term = dXhat.mean(axis=0, keepdims=True)  # (1/n) 1ₙᵀ Ĝ, from the mean
    var_term = (dXhat * Xhat).mean(axis=0, keepdims=True)  # (1/n) 1ₙᵀ (Ĝ ∘ X̂), from σ
    dX = (dXhat - mean_term - Xhat * var_term) / sigma
    return dX, (dY * Xhat).sum(axis=0), dY.sum(axis=0)
