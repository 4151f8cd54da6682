"""The site's gradient names in PyTorch: dD, dW, dX are what autograd leaves in `.grad`.

Needs PyTorch (the CPU build is enough: pip install torch) and numpy. Every function takes
numpy arrays and returns numpy arrays, in float64, so its results compare with the site's
numpy backward passes entry by entry.

    The site (scalar loss φ)          PyTorch
    dD = G = ∂φ/∂D, given            D.backward(gradient=G): G seeds the backward pass
    dW = ∂φ/∂W, shape of W           W.grad (W a leaf with requires_grad=True)
    dH for an intermediate H         H.retain_grad() before backward, then H.grad
    φ scalar, seed 1                 phi.backward()
    ∂D/∂W, shape (m, n, m, q)        torch.autograd.functional.jacobian(lambda W: W @ X, W)

Every gradient has the shape of its variable, as on the site. `.grad` adds up over
backward calls: set it to None (or call an optimizer's zero_grad) between steps.
"""

import numpy as np
import torch
from torch.nn import functional as F  # noqa: N812 (PyTorch's own name for it)


def leaf(A: np.ndarray) -> torch.Tensor:
    """A float64 tensor that autograd leaves a .grad on (a copy of the numpy array A)."""
    if not isinstance(A, np.ndarray) or A.dtype != np.float64:
        raise TypeError(f"expected a float64 numpy array; got {getattr(A, 'dtype', type(A))}")
    return torch.tensor(A, requires_grad=True)


def numpy_grads(**tensors: torch.Tensor) -> dict:
    """{"dW": W.grad as numpy, ...}: the site's name for each gradient autograd computed."""
    missing = [name for name, t in tensors.items() if t.grad is None]
    if missing:
        raise ValueError(f"autograd left no .grad on {missing}: not leaves, or no retain_grad()")
    return {"d" + name: t.grad.detach().numpy() for name, t in tensors.items()}


# --8<-- [start:matmul]
def matmul_grads(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """D = W X with dD = G given: dW = G Xᵀ (m, q) and dX = Wᵀ G (q, n) from autograd."""
    W, X = leaf(W), leaf(X)
    D = W @ X
    D.backward(gradient=torch.tensor(G))  # D is not a scalar: G = ∂φ/∂D seeds the pass
    return numpy_grads(W=W, X=X)


def matmul_grads_scalar_loss(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """The same gradients from the scalar φ = G : D, and dD itself, kept with retain_grad."""
    W, X = leaf(W), leaf(X)
    D = W @ X
    D.retain_grad()  # D is not a leaf: without this, D.grad stays None
    phi = (torch.tensor(G) * D).sum()  # G : D, whose gradient at D is G
    phi.backward()
    return numpy_grads(D=D, W=W, X=X)


# --8<-- [end:matmul]


# --8<-- [start:jacobian]
def matmul_jacobian(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∂D/∂W for D = W X as PyTorch returns it: shape D.shape + W.shape = (m, n, m, q)."""
    X = torch.tensor(X)
    J = torch.autograd.functional.jacobian(lambda W: W @ X, torch.tensor(W))
    return J.numpy()


# --8<-- [end:jacobian]


# --8<-- [start:two_layer_net]
def two_layer_net_grads(params: dict, X: np.ndarray, T: np.ndarray) -> dict:
    """φ = ½ ‖W2 tanh(W1 X + b1 1ᵀ) + b2 1ᵀ − T‖²_F / n, samples as the n columns of X.

    Returns φ and every d-name of the site's two-layer network: dW1, db1, dW2, db2, dX for
    the leaves, and dY, dH, dA for the intermediate arrays, kept with retain_grad()."""
    leaves = {name: leaf(params[name]) for name in ("W1", "b1", "W2", "b2")}
    W1, b1, W2, b2 = leaves.values()
    X, T = leaf(X), torch.tensor(T)
    A = W1 @ X + b1[:, None]  # b1[:, None] broadcasts the bias over the n columns
    H = torch.tanh(A)
    Y = W2 @ H + b2[:, None]
    for intermediate in (A, H, Y):
        intermediate.retain_grad()
    phi = 0.5 * ((Y - T) ** 2).sum() / X.shape[1]
    phi.backward()
    return {"phi": phi.item(), **numpy_grads(**leaves, X=X, Y=Y, H=H, A=A)}


# --8<-- [end:two_layer_net]


# --8<-- [start:layers]
def linear_grads(X: np.ndarray, W: np.ndarray, b: np.ndarray, dY: np.ndarray) -> dict:
    """Y = X Wᵀ + 1 bᵀ (torch.nn.Linear's layout: W stored (out, in), samples as rows).
    Returns dX = dY W (N, q), dW = dYᵀ X (m, q), db = dYᵀ 1 (m,)."""
    X, W, b = leaf(X), leaf(W), leaf(b)
    F.linear(X, W, b).backward(gradient=torch.tensor(dY))
    return numpy_grads(X=X, W=W, b=b)


def cross_entropy_grads(Z: np.ndarray, T: np.ndarray) -> dict:
    """φ = mean over the N rows of the cross-entropy of softmax(Z) against targets T (N, L),
    each row a probability vector. Returns φ and dZ = (P − T) / N."""
    Z = leaf(Z)
    phi = F.cross_entropy(Z, torch.tensor(T))  # probabilities as targets, mean over rows
    phi.backward()
    return {"phi": phi.item(), **numpy_grads(Z=Z)}


def layernorm_grads(X, gamma, beta, dY, eps=1e-5) -> dict:
    """Layer norm of each row of X (N, q), gain γ and shift β (q,). Returns dX, dgamma, dbeta."""
    X, gamma, beta = leaf(X), leaf(gamma), leaf(beta)
    Y = F.layer_norm(X, (X.shape[1],), gamma, beta, eps=eps)
    Y.backward(gradient=torch.tensor(dY))
    return numpy_grads(X=X, gamma=gamma, beta=beta)


def attention_grads(Q, K, V, dO, causal=True) -> dict:
    """O = softmax(Q Kᵀ / √h + M) V, M the causal mask if `causal`; Q, K (N, h), V (N, v).
    Returns dQ, dK, dV."""
    Q, K, V = leaf(Q), leaf(K), leaf(V)
    attn = F.scaled_dot_product_attention(Q, K, V, is_causal=causal)  # scale 1/√h by default
    attn.backward(gradient=torch.tensor(dO))
    return numpy_grads(Q=Q, K=K, V=V)


# --8<-- [end:layers]


# --8<-- [start:transformer_block]
def transformer_block_grads(params: dict, X: np.ndarray, dY: np.ndarray) -> dict:
    """The pre-norm block of the site's transformer page, one causal head, tokens as the rows
    of X (N, q); weights stored (out, in). Returns dX and d<name> for every parameter."""
    P = {name: leaf(value) for name, value in params.items()}
    X = leaf(X)
    X1 = F.layer_norm(X, (X.shape[1],), P["gamma1"], P["beta1"], eps=1e-5)
    Q, K, V = (F.linear(X1, P["W" + s], P["b" + s]) for s in "QKV")
    attn = F.scaled_dot_product_attention(Q, K, V, is_causal=True)
    Y1 = X + F.linear(attn, P["WO"], P["bO"])
    X2 = F.layer_norm(Y1, (X.shape[1],), P["gamma2"], P["beta2"], eps=1e-5)
    X3 = F.linear(X2, P["W1"], P["b1"])
    Y = Y1 + F.linear(F.gelu(X3, approximate="tanh"), P["W2"], P["b2"])
    Y.backward(gradient=torch.tensor(dY))
    return numpy_grads(X=X, **P)


# --8<-- [end:transformer_block]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    m, q, n = 3, 4, 5
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    grads = matmul_grads(W, X, G)
    print("W.grad equals G @ X.T:", np.allclose(grads["dW"], G @ X.T, rtol=1e-12, atol=0))
    print("X.grad equals W.T @ G:", np.allclose(grads["dX"], W.T @ G, rtol=1e-12, atol=0))
    print("jacobian's shape, (m, n, m, q):", matmul_jacobian(W, X).shape)
