"""The site's gradient names in JAX: dD is the cotangent handed to the function jax.vjp returns.

Needs JAX (pip install jax) and numpy. Every function takes numpy arrays and returns numpy
arrays, in float64 (this file switches JAX's 64-bit mode on: JAX computes in float32 by
default), so its results compare with the site's numpy backward passes entry by entry.

    The site (scalar loss φ)          JAX
    dD = G = ∂φ/∂D, given            D, vjp_fn = jax.vjp(f, W, X); then vjp_fn(G)
    dW, dX, shapes of W and X        the tuple (dW, dX) that vjp_fn(G) returns
    φ scalar                         jax.grad(phi, argnums=(0, 1))(W, X) returns (dW, dX)
    dH for an intermediate H         write φ as a function of H and take jax.grad of that
    ∂D/∂W, shape (m, n, m, q)        jax.jacobian(lambda W: W @ X)(W)

JAX has no .grad attribute: gradients are returned values, so nothing accumulates between
calls. A dict of parameters comes back as a dict of gradients with the same keys.
"""

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)  # float64, as the site's numpy arrays


# --8<-- [start:matmul]
def matmul_grads(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """D = W X with dD = G given: D, dW = G Xᵀ (m, q) and dX = Wᵀ G (q, n), by jax.vjp."""
    D, vjp_fn = jax.vjp(jnp.matmul, W, X)  # D = W @ X, and the backward pass of this call
    dW, dX = vjp_fn(jnp.asarray(G))  # G has D's shape; one gradient per argument
    return {"D": np.asarray(D), "dW": np.asarray(dW), "dX": np.asarray(dX)}


def matmul_grads_scalar_loss(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """The same gradients from the scalar φ = G : D by jax.grad, and dD = ∂φ/∂D (= G)."""

    def phi_of_D(D):
        return jnp.sum(G * D)  # G : D

    dW, dX = jax.grad(lambda W, X: phi_of_D(W @ X), argnums=(0, 1))(W, X)
    dD = jax.grad(phi_of_D)(W @ X)
    return {"dD": np.asarray(dD), "dW": np.asarray(dW), "dX": np.asarray(dX)}


# --8<-- [end:matmul]


# --8<-- [start:jacobian]
def matmul_jacobian(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∂D/∂W for D = W X as JAX returns it: shape D.shape + W.shape = (m, n, m, q)."""
    return np.asarray(jax.jacobian(lambda W: W @ X)(W))


# --8<-- [end:jacobian]


# --8<-- [start:two_layer_net]
def two_layer_net_grads(params: dict, X: np.ndarray, T: np.ndarray) -> dict:
    """φ = ½ ‖W2 tanh(W1 X + b1 1ᵀ) + b2 1ᵀ − T‖²_F / n, samples as the n columns of X.
    Returns φ and dW1, db1, dW2, db2, dX."""

    def loss(params, X):
        H = jnp.tanh(params["W1"] @ X + params["b1"][:, None])
        Y = params["W2"] @ H + params["b2"][:, None]
        return 0.5 * jnp.sum((Y - T) ** 2) / X.shape[1]

    phi, (dparams, dX) = jax.value_and_grad(loss, argnums=(0, 1))(params, X)
    grads = {"d" + name: np.asarray(g) for name, g in dparams.items()}
    return {"phi": float(phi), **grads, "dX": np.asarray(dX)}


# --8<-- [end:two_layer_net]


# --8<-- [start:linear]
def linear_grads(X: np.ndarray, W: np.ndarray, b: np.ndarray, dY: np.ndarray) -> dict:
    """Y = X Wᵀ + 1 bᵀ, W stored (out, in), samples as rows; dY given.
    Returns dX = dY W (N, q), dW = dYᵀ X (m, q), db = dYᵀ 1 (m,)."""
    _, vjp_fn = jax.vjp(lambda X, W, b: X @ W.T + b, X, W, b)
    dX, dW, db = vjp_fn(jnp.asarray(dY))
    return {"dX": np.asarray(dX), "dW": np.asarray(dW), "db": np.asarray(db)}


# --8<-- [end:linear]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    m, q, n = 3, 4, 5
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    grads = matmul_grads(W, X, G)
    print("dW from vjp equals G @ X.T:", np.allclose(grads["dW"], G @ X.T, rtol=1e-12, atol=0))
    print("dX from vjp equals W.T @ G:", np.allclose(grads["dX"], W.T @ G, rtol=1e-12, atol=0))
    print("jacobian's shape, (m, n, m, q):", matmul_jacobian(W, X).shape)
