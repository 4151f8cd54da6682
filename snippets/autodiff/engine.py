"""A small reverse-mode autodiff engine over numpy arrays (numpy only, runs alone).

A Tensor holds a float64 array `.data`. After `phi.backward()`, every tensor t that φ was
computed from holds `t.grad` = ∂φ/∂t, an array of t's shape, in the site's code convention:
for D = W @ X, W.grad is dD @ X.T and X.grad is W.T @ dD. Each operation records its inputs
and its backward pass, the one derived on the site's pages: given g = ∂φ/∂(output), it
returns ∂φ/∂(each input). backward() visits the graph from φ back to the inputs in
topological order (a tensor only after every tensor that uses it) and adds up (+) what each
use contributes, so a tensor used twice gets the sum of both. Each backward() starts the
gradients afresh (PyTorch instead adds to what is there until it is zeroed).

Shapes must match, except a bias added to a matrix A (N, m): b of shape (m,) or (1, m) is
added to every row, b of shape (N, 1) to every column, and its gradient sums over the
broadcast axis. Any other broadcast numpy would do is refused with an error.
"""

import numpy as np


class Tensor:
    """A float64 array with the graph that made it and, after backward(), its gradient."""

    def __init__(self, data, parents=(), backward=None, op="input"):
        data = np.asarray(data)
        if data.dtype.kind != "f":
            raise TypeError(f"a Tensor holds floating-point data; got dtype {data.dtype}")
        if op == "input" and np.isnan(data).any():
            raise ValueError(f"a Tensor of shape {data.shape} given NaN entries")
        self.data = data.astype(np.float64, copy=False)
        self.grad = None  # ∂φ/∂(this tensor), set by φ.backward()
        self.parents, self._backward, self.op = parents, backward, op

    shape = property(lambda self: self.data.shape)
    __array_ufunc__ = None  # array + Tensor: numpy hands over to Tensor, which refuses it

    def __repr__(self):
        return f"Tensor({self.op}, shape {self.shape})"

    def backward(self, seed=None):
        """Set t.grad = ∂φ/∂t on every tensor t this one (φ) was computed from.
        φ must be a scalar, or `seed` must give ∂(loss)/∂φ, an array of φ's shape."""
        if seed is None:
            if self.data.size != 1:
                raise ValueError(
                    f"backward() from a tensor of shape {self.shape} needs seed=, the gradient"
                    " of the loss with respect to it: only a scalar has the implied seed 1"
                )
            seed = np.ones(self.shape)
        seed = np.asarray(seed, dtype=np.float64)
        if seed.shape != self.shape or np.isnan(seed).any():
            raise ValueError(
                f"the seed must have the tensor's shape {self.shape}, no NaN;"
                f" got shape {seed.shape}"
            )
        order = topological_order(self)
        for t in order:
            t.grad = None
        self.grad = seed
        for t in order:  # φ first; a tensor only after all the tensors that use it
            if t._backward is None or t.grad is None:
                continue
            for parent, g in zip(t.parents, t._backward(t.grad), strict=True):
                if g.shape != parent.shape:
                    raise ValueError(
                        f"{t.op}'s backward gave a gradient of shape {g.shape}"
                        f" for an input of shape {parent.shape}"
                    )
                accumulate(parent, g)

    # The operations. Each returns a new Tensor with its parents and backward pass.
    def __matmul__(self, other):  # math-to-code.md: dA = G Bᵀ, dB = Aᵀ G
        A, B = self.data, _tensor(other).data
        if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[0]:
            raise ValueError(f"matmul needs (a, k) @ (k, c) matrices; got {A.shape} @ {B.shape}")
        return Tensor(A @ B, (self, other), lambda g: (g @ B.T, A.T @ g), "matmul")

    def __add__(self, other):  # linear.md: the bias gradient is a sum over the broadcast axis
        other = _tensor(other)
        big, small = (self, other) if self.data.size >= other.data.size else (other, self)
        axis = _bias_axis(big.shape, small.shape)

        def backward(g):
            g_small = g if axis is None else sum_over_broadcast(g, axis, small.shape)
            return (g, g_small) if big is self else (g_small, g)

        return Tensor(self.data + other.data, (self, other), backward, "add")

    def __mul__(self, other):  # entrywise product, or a product with a number c
        if isinstance(other, (int, float)):
            return Tensor(self.data * other, (self,), lambda g: (g * other,), "scale")
        other = _tensor(other)
        if other.shape != self.shape:
            raise ValueError(f"entrywise product of shapes {self.shape} and {other.shape}")
        A, B = self.data, other.data
        return Tensor(A * B, (self, other), lambda g: (g * B, g * A), "mul")

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-_tensor(other))

    @property
    def T(self):  # the gradient of Aᵀ is the transpose of the gradient
        if self.data.ndim != 2:
            raise ValueError(f"T transposes a matrix; got shape {self.shape}")
        return Tensor(self.data.T, (self,), lambda g: (g.T,), "transpose")

    def reshape(self, *shape):  # the same entries, so the gradient is reshaped back
        old = self.shape
        return Tensor(self.data.reshape(*shape), (self,), lambda g: (g.reshape(old),), "reshape")

    def sum(self, axis=None):  # each entry counts once: the gradient is g spread back
        old = self.shape

        def backward(g):
            g = g if axis is None else np.expand_dims(g, axis)
            return (np.broadcast_to(g, old).copy(),)

        return Tensor(self.data.sum(axis=axis), (self,), backward, "sum")

    def mean(self, axis=None):
        count = self.data.size if axis is None else self.shape[axis]
        return self.sum(axis) * (1.0 / count)

    # Entrywise functions (activations.md): dx = dy ∘ f'(x), the Jacobian never built.
    def tanh(self):
        y = np.tanh(self.data)
        return Tensor(y, (self,), lambda g: (g * (1.0 - y * y),), "tanh")

    def relu(self):
        x = self.data
        return Tensor(np.maximum(x, 0.0), (self,), lambda g: (g * (x > 0),), "relu")

    def sigmoid(self):  # from e^(−|x|) ≤ 1: no overflow at any x
        x = self.data
        e = np.exp(-np.abs(x))
        s = np.where(x >= 0, 1.0, e) / (1.0 + e)
        return Tensor(s, (self,), lambda g: (g * (e / (1.0 + e) ** 2),), "sigmoid")

    def exp(self):
        y = np.exp(self.data)
        return Tensor(y, (self,), lambda g: (g * y,), "exp")

    def log(self):
        x = self.data
        if (x <= 0).any():
            raise ValueError(f"log needs positive entries; the smallest is {x.min()}")
        return Tensor(np.log(x), (self,), lambda g: (g / x,), "log")

    def softmax(self):  # softmax.md, row by row: dZ = P ∘ (dP − rowsum(dP ∘ P))
        Z = self.data
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        backward = lambda g: (P * (g - (g * P).sum(axis=1, keepdims=True)),)  # noqa: E731
        return Tensor(P, (self,), backward, "softmax")

    def cross_entropy(self, T):  # softmax.md: logits (N, K), targets T (N, K); dZ = (P − T) / N
        Z, T = self.data, np.asarray(T, dtype=np.float64)
        if Z.ndim != 2 or T.shape != Z.shape:
            raise ValueError(
                f"targets T must have the logits' shape (N, K) {Z.shape}; got {T.shape}"
            )
        if (T < 0).any() or not np.allclose(T.sum(axis=1), 1.0, rtol=0, atol=1e-12):
            raise ValueError("each row of T must be a probability vector: entries ≥ 0, sum 1")
        mu = Z.max(axis=1, keepdims=True)
        lse = mu + np.log(np.exp(Z - mu).sum(axis=1, keepdims=True))
        P, N = np.exp(Z - lse), Z.shape[0]
        phi = np.sum(T * (lse - Z)) / N
        return Tensor(phi, (self,), lambda g: (g * (P - T) / N,), "cross_entropy")

    def layer_norm(self, gamma, beta, kappa=1e-5):  # normalization.md, each row of X (N, p)
        X, gam = self.data, gamma.data
        if X.ndim != 2 or gamma.shape != (X.shape[1],) or beta.shape != gamma.shape:
            raise ValueError(
                f"layer_norm: X (N, p), gamma and beta (p,); got {X.shape},"
                f" {gamma.shape}, {beta.shape}"
            )
        centred = X - X.mean(axis=1, keepdims=True)
        s = np.sqrt((centred * centred).mean(axis=1, keepdims=True) + kappa)
        Xhat = centred / s

        def backward(g):
            Ghat = g * gam
            mean_term = Ghat.mean(axis=1, keepdims=True)
            var_term = Xhat * (Ghat * Xhat).mean(axis=1, keepdims=True)
            return (Ghat - mean_term - var_term) / s, (g * Xhat).sum(axis=0), g.sum(axis=0)

        return Tensor(Xhat * gam + beta.data, (self, gamma, beta), backward, "layer_norm")


def _tensor(x):
    if not isinstance(x, Tensor):
        raise TypeError(f"expected a Tensor, got {type(x).__name__}: wrap arrays in Tensor(...)")
    return x


def _bias_axis(big, small):
    """None if the shapes match; the axis a bias is summed over; else a clear error."""
    if big == small:
        return None
    if len(big) == 2 and small in {(big[1],), (1, big[1])}:
        return 0  # one entry per column, added to every row: summed over the rows
    if len(big) == 2 and small == (big[0], 1):
        return 1  # one entry per row, added to every column: summed over the columns
    bias = (
        f", or the smaller be a bias of shape ({big[-1]},), (1, {big[-1]}) or ({big[0]}, 1)"
        if len(big) == 2
        else ""
    )
    raise ValueError(f"cannot add shapes {big} and {small}: shapes must match{bias}")


def accumulate(t, g):
    """A tensor used k times gets the sum of k gradients: dφ = G₁ : dA + G₂ : dA + ..."""
    t.grad = g if t.grad is None else t.grad + g


def sum_over_broadcast(g, axis, shape):
    """A bias added to every row (axis 0) or column (axis 1): its gradient sums over them."""
    return g.sum(axis=axis).reshape(shape)


def topological_order(root):
    """Every tensor root depends on, root first, each one before the tensors it was made from."""
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        t, parents_done = stack.pop()
        if parents_done:
            order.append(t)
        elif id(t) not in seen:
            seen.add(id(t))
            stack.append((t, True))
            stack.extend((p, False) for p in t.parents if id(p) not in seen)
    return order[::-1]


def demo():
    """φ = Σ tanh(W X + b 1ᵀ): the engine's W.grad against the site's formula dD Xᵀ."""
    rng = np.random.default_rng(0)
    W, X, b = (Tensor(rng.standard_normal(s)) for s in [(3, 4), (4, 5), (3, 1)])
    (W @ X + b).tanh().sum().backward()
    dD = 1.0 - np.tanh(W.data @ X.data + b.data) ** 2  # ∂φ/∂D, D = W X + b 1ᵀ
    print("W.grad equals dD @ X.T:", np.allclose(W.grad, dD @ X.data.T))


if __name__ == "__main__":
    demo()
