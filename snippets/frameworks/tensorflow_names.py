"""The site's gradient names in TensorFlow: dD is `output_gradients` of GradientTape.gradient.

Needs TensorFlow (pip install tensorflow) and numpy. Every function takes numpy arrays and
returns numpy arrays, in float64, so its results compare with the site's numpy backward
passes entry by entry.

    The site (scalar loss φ)          TensorFlow
    dD = G = ∂φ/∂D, given            tape.gradient(D, [W, X], output_gradients=G)
    dW, dX, shapes of W and X        the list [dW, dX] that call returns
    φ scalar                         tape.gradient(phi, [W, X])
    dH for an intermediate H         tape.gradient(phi, H), H computed inside the tape
    ∂D/∂W, shape (m, n, m, q)        tape.jacobian(D, W)

A tape records what runs inside its `with` block and answers one gradient call, unless it
is made with persistent=True. Keras layers store a Dense layer's kernel (in, out): Y = X W + b.
"""

import numpy as np
import tensorflow as tf


# --8<-- [start:matmul]
def matmul_grads(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """D = W X with dD = G given: dW = G Xᵀ (m, q) and dX = Wᵀ G (q, n), by a gradient tape."""
    W, X = tf.Variable(W), tf.Variable(X)  # variables are watched by the tape
    with tf.GradientTape() as tape:
        D = W @ X
    dW, dX = tape.gradient(D, [W, X], output_gradients=tf.constant(G))
    return {"dW": dW.numpy(), "dX": dX.numpy()}


def matmul_grads_scalar_loss(W: np.ndarray, X: np.ndarray, G: np.ndarray) -> dict:
    """The same gradients from the scalar φ = G : D, and dD = ∂φ/∂D (= G) for the
    intermediate D."""
    W, X = tf.Variable(W), tf.Variable(X)
    with tf.GradientTape() as tape:
        D = W @ X
        phi = tf.reduce_sum(tf.constant(G) * D)  # G : D
    dD, dW, dX = tape.gradient(phi, [D, W, X])
    return {"dD": dD.numpy(), "dW": dW.numpy(), "dX": dX.numpy()}


# --8<-- [end:matmul]


# --8<-- [start:jacobian]
def matmul_jacobian(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∂D/∂W for D = W X as TensorFlow returns it: shape D.shape + W.shape = (m, n, m, q)."""
    W = tf.Variable(W)
    with tf.GradientTape() as tape:
        D = W @ tf.constant(X)
    return tape.jacobian(D, W).numpy()


# --8<-- [end:jacobian]


# --8<-- [start:two_layer_net]
def two_layer_net_grads(params: dict, X: np.ndarray, T: np.ndarray) -> dict:
    """φ = ½ ‖W2 tanh(W1 X + b1 1ᵀ) + b2 1ᵀ − T‖²_F / n, samples as the n columns of X.
    Returns φ and dW1, db1, dW2, db2, dX."""
    leaves = {name: tf.Variable(params[name]) for name in ("W1", "b1", "W2", "b2")}
    leaves["X"] = tf.Variable(X)
    W1, b1, W2, b2, X = leaves.values()
    with tf.GradientTape() as tape:
        H = tf.tanh(W1 @ X + b1[:, None])
        Y = W2 @ H + b2[:, None]
        phi = 0.5 * tf.reduce_sum((Y - tf.constant(T)) ** 2) / X.shape[1]
    grads = tape.gradient(phi, list(leaves.values()))
    return {"phi": float(phi), **{"d" + k: g.numpy() for k, g in zip(leaves, grads, strict=True)}}


# --8<-- [end:two_layer_net]


# --8<-- [start:dense]
def dense_grads(X: np.ndarray, W: np.ndarray, b: np.ndarray, dY: np.ndarray) -> dict:
    """Y = X W + 1 bᵀ, a Keras Dense layer's layout: kernel W stored (in, out), samples as rows;
    dY given. Returns dX = dY Wᵀ (N, q), dW = Xᵀ dY (q, m), db = dYᵀ 1 (m,)."""
    X, W, b = tf.Variable(X), tf.Variable(W), tf.Variable(b)
    with tf.GradientTape() as tape:
        Y = X @ W + b  # b broadcasts over the rows
    dX, dW, db = tape.gradient(Y, [X, W, b], output_gradients=tf.constant(dY))
    return {"dX": dX.numpy(), "dW": dW.numpy(), "db": db.numpy()}


# --8<-- [end:dense]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    m, q, n = 3, 4, 5
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    grads = matmul_grads(W, X, G)
    print("dW from the tape equals G @ X.T:", np.allclose(grads["dW"], G @ X.T, rtol=1e-12, atol=0))
    print("dX from the tape equals W.T @ G:", np.allclose(grads["dX"], W.T @ G, rtol=1e-12, atol=0))
    print("jacobian's shape, (m, n, m, q):", matmul_jacobian(W, X).shape)
