"""Softmax, log-sum-exp and cross-entropy, row by row, with their backward passes (numpy only).

Z: (N, K), one row of K logits per sample. For one row z, p = softmax(z) has
p_k = exp(z_k) / Σ_j exp(z_j), and its Jacobian ∂p/∂z = diag(p) − p pᵀ (K, K) is symmetric.
The backward pass never builds it: for a row g = ∂φ/∂p,

    ∂φ/∂z = (diag(p) − p pᵀ) g = p ∘ (g − ⟨g, p⟩)        row by row: dZ = P ∘ (dP − (P ∘ dP) 1 1ᵀ)

log-sum-exp, lse(z) = log Σ_k exp(z_k) = μ + log Σ_k exp(z_k − μ) with μ = max_k z_k (no overflow).
Cross-entropy of targets T (N, K), each row a probability vector (one-hot or not), mean over rows:

    φ = (1/N) Σ_n (lse(z_n) − ⟨t_n, z_n⟩) = −(1/N) Σ_{n,k} T_nk log P_nk
    computed as −log p_k = log(1 + r) + (μ − z_k), r = Σ_{j ≠ argmax} exp(z_j − μ):
    two terms ≥ 0, so no cancellation; accurate to about 1e-15 relative for logits up
    to 1e300 in size, and −inf allowed where the target is 0
    ∂φ/∂Z = (P − T) / N
    Hessian-vector product, direction V (N, K):  (1/N) (P ∘ V − P ∘ ((P ∘ V) 1 1ᵀ))
    (one sample: H = diag(p) − p pᵀ, H v = p ∘ v − p (pᵀ v); it does not depend on t)
"""

import numpy as np


def _require_float(name: str, A: np.ndarray) -> None:
    """Refuse what would compute silently wrong: non-arrays, integer dtypes, NaN, not (N, K)."""
    if not isinstance(A, np.ndarray) or A.dtype.kind != "f":
        kind = A.dtype if isinstance(A, np.ndarray) else type(A).__name__
        raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if A.ndim != 2:
        raise ValueError(f"{name} must have shape (N, K), one row per sample; got {A.shape}")
    if np.isnan(A).any():
        raise ValueError(f"{name} contains NaN (shape {A.shape})")


def _require_same_shape(name: str, A: np.ndarray, Z: np.ndarray) -> None:
    _require_float(name, A)
    if A.shape != Z.shape:
        raise ValueError(f"{name} must have the shape of the logits, {Z.shape}; got {A.shape}")


def logsumexp(Z: np.ndarray) -> np.ndarray:
    """lse(z) = μ + log Σ_k exp(z_k − μ), μ = max_k z_k, for each row z of Z (N, K); shape (N,)."""
    _require_float("Z", Z)
    mu = Z.max(axis=1)
    return mu + np.log(np.exp(Z - mu[:, None]).sum(axis=1))


def softmax(Z: np.ndarray) -> np.ndarray:
    """P = softmax of each row of Z (N, K): P_nk = exp(Z_nk − lse(z_n)); P is (N, K)."""
    _require_float("Z", Z)
    E = np.exp(Z - Z.max(axis=1, keepdims=True))  # shifted by the row max: no overflow
    return E / E.sum(axis=1, keepdims=True)


def softmax_jacobian(p: np.ndarray) -> np.ndarray:
    """∂p/∂z = diag(p) − p pᵀ (K, K) for one sample's p = softmax(z) (K,): for reading and
    checking; the backward pass below never builds it."""
    if not isinstance(p, np.ndarray) or p.dtype.kind != "f" or p.ndim != 1:
        what = f"{p.dtype} of shape {p.shape}" if isinstance(p, np.ndarray) else type(p).__name__
        raise TypeError(f"p must be a floating-point numpy array of shape (K,); got {what}")
    return np.diag(p) - np.outer(p, p)


def softmax_backward(dP: np.ndarray, P: np.ndarray) -> np.ndarray:
    """Given dP = ∂φ/∂P (N, K) and P = softmax(Z): dZ = P ∘ (dP − ⟨dP_n, P_n⟩), row by row."""
    _require_float("P", P)
    _require_same_shape("dP", dP, P)
    inner = np.sum(dP * P, axis=1, keepdims=True)  # ⟨g, p⟩ for each row: (N, 1)
    return P * (dP - inner)


def _require_targets(T: np.ndarray, Z: np.ndarray) -> None:
    _require_same_shape("T", T, Z)
    if (T < 0).any() or not np.allclose(T.sum(axis=1), 1.0, rtol=0, atol=1e-12):
        raise ValueError("each row of T must be a probability vector: entries ≥ 0 that sum to 1")


def _require_logits(Z: np.ndarray) -> None:
    _require_float("Z", Z)
    if np.isposinf(Z).any() or np.isneginf(Z.max(axis=1)).any():
        raise ValueError("logits must be finite or −inf, with a finite entry in every row")


def _neg_log_softmax(Z: np.ndarray) -> np.ndarray:
    """−log P = log(1 + r) + (μ − Z), row by row, μ the row max, r the sum of exp(z_j − μ)
    over all j but one maximal entry. exp(z_j − μ) is corrected for the rounding of z_j − μ
    (the error e of the subtraction, exact by TwoSum, enters as exp(d + e) ≈ exp(d) (1 + e))."""
    mu = Z.max(axis=1, keepdims=True)
    d = Z - mu  # ≤ 0; −inf where Z is −inf
    finite = np.isfinite(d)
    Zf, df = np.where(finite, Z, mu), np.where(finite, d, 0.0)
    back = df - Zf  # TwoSum of Z + (−μ): the rounding error of d, exactly
    err = (Zf - (df - back)) + (-mu - back)
    E = np.exp(d) * (1.0 + err)
    E[np.arange(Z.shape[0]), Z.argmax(axis=1)] = 0.0  # the max's own term, 1, is log1p's
    return np.log1p(E.sum(axis=1, keepdims=True)) + (mu - Z)


def cross_entropy(Z: np.ndarray, T: np.ndarray) -> float:
    """φ = (1/N) Σ_n (lse(z_n) − ⟨t_n, z_n⟩) = −(1/N) Σ T ∘ log P: logits Z (N, K), finite or
    −inf where T is 0; targets T (N, K), rows sum to 1."""
    _require_logits(Z)
    _require_targets(T, Z)
    losses = T * np.where(T > 0, _neg_log_softmax(Z), 0.0)  # 0 · ∞ counts as 0
    return float(np.mean(losses.sum(axis=1)))


def cross_entropy_backward(Z: np.ndarray, T: np.ndarray) -> np.ndarray:
    """∂φ/∂Z = (P − T) / N for the mean cross-entropy, P = softmax(Z); shape (N, K)."""
    _require_float("Z", Z)
    _require_targets(T, Z)
    return (softmax(Z) - T) / Z.shape[0]


def cross_entropy_hvp(Z: np.ndarray, V: np.ndarray) -> np.ndarray:
    """The Hessian of the mean cross-entropy times a direction V (N, K), row by row:
    (1/N) (P ∘ V − P ∘ ⟨P_n, V_n⟩), P = softmax(Z); shape (N, K). Independent of T."""
    _require_float("Z", Z)
    _require_same_shape("V", V, Z)
    P = softmax(Z)
    return (P * V - P * np.sum(P * V, axis=1, keepdims=True)) / Z.shape[0]
