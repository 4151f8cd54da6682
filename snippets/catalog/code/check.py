"""Check a catalogue entry's code you copied: numpy only, no other file needed.

Every entry of the catalogue shows f and its gradient (or F and its Jacobian) as plain numpy
functions and one line that checks them, e.g.

    print(gradcheck(f_AXB, grad_AXB, X=rand(3, 4), A=rand(5, 3), B=rand(4, 5)))

The first keyword input is the variable; the others are held fixed. The gradient is compared
entry by entry with central differences of f, (f(X + h E_ij) − f(X − h E_ij)) / 2h; the
Jacobian column by column with central differences of vec F (vec stacks columns). The error
is the largest entry error relative to the largest entry; above `tolerance` the check raises.
"""

import numpy as np

rng = np.random.default_rng(0)


def rand(*shape):
    """A standard normal array of the given shape."""
    return rng.standard_normal(shape)


def unit(n):
    """A random vector of length n and norm 1 (a direction)."""
    v = rand(n)
    return v / np.linalg.norm(v)


def spd(n):
    """A random symmetric positive definite n × n matrix M Mᵀ + n I."""
    M = rand(n, n)
    return M @ M.T + n * np.eye(n)


def symmetric(n, definite=True):
    """A random symmetric n × n matrix Q diag(s) Qᵀ with |s| in [1, 2] (some s < 0 if not
    definite): well conditioned, so its inverse and determinant are accurate."""
    Q, _ = np.linalg.qr(rand(n, n))
    s = rng.uniform(1.0, 2.0, n)
    if not definite:
        s[: n // 2] *= -1
    M = Q @ np.diag(s) @ Q.T
    return (M + M.T) / 2


def full_rank(p, r):
    """A random p × r matrix with singular values in [1, 2]; square means invertible."""
    k = min(p, r)
    U, _ = np.linalg.qr(rand(p, k))
    V, _ = np.linalg.qr(rand(r, k))
    return U @ np.diag(rng.uniform(1.0, 2.0, k)) @ V.T


def invertible(n):
    """A random invertible n × n matrix, condition number at most 2."""
    return full_rank(n, n)


def gradcheck(f, grad, symmetric=False, tolerance=1e-6, h=1e-6, project=None, **inputs):
    """Check grad(**inputs) = ∂f/∂X against central differences of f in its first input X.

    symmetric=True checks a gradient within the symmetric matrices: X symmetric, and each
    step h E_ij is replaced by its symmetric part h (E_ij + E_ji)/2. More generally,
    project= (the orthogonal projection onto the matrices of a structure: diagonal, Toeplitz)
    replaces each step by its projection, and checks the gradient within that structure.
    """
    name, X = next(iter(inputs.items()))
    G = np.asarray(grad(**inputs), dtype=float)
    if G.shape != X.shape:
        raise ValueError(f"the gradient has shape {G.shape} but {name} has shape {X.shape}")
    numerical = np.zeros(X.shape)
    for index in np.ndindex(X.shape):
        E = np.zeros(X.shape)
        E[index] = h
        if symmetric:
            E = (E + E.T) / 2
        if project is not None:
            E = project(E)
        plus = f(**{**inputs, name: X + E})
        minus = f(**{**inputs, name: X - E})
        numerical[index] = (plus - minus) / (2 * h)
    return _verdict(G, numerical, tolerance, _noise(f(**inputs), h))


def jacobiancheck(F, jacobian, tolerance=1e-6, h=1e-6, **inputs):
    """Check jacobian(**inputs) = ∂vec F/∂vec X against central differences of F in X."""
    name, X = next(iter(inputs.items()))
    J = np.asarray(jacobian(**inputs), dtype=float)
    size = np.asarray(F(**inputs)).size
    if J.shape != (size, X.size):
        raise ValueError(f"the Jacobian has shape {J.shape}, not (F.size, X.size) = {size, X.size}")
    numerical = np.zeros(J.shape)
    for column in range(X.size):
        E = np.zeros(X.size)
        E[column] = h
        E = E.reshape(X.shape, order="F")
        plus = np.asarray(F(**{**inputs, name: X + E})).ravel(order="F")
        minus = np.asarray(F(**{**inputs, name: X - E})).ravel(order="F")
        numerical[:, column] = (plus - minus) / (2 * h)
    return _verdict(J, numerical, tolerance, _noise(F(**inputs), h))


def _noise(value, h):
    """The rounding error of a central difference of a function of this size (100 ulps)."""
    return 100 * np.finfo(float).eps * max(np.max(np.abs(value)), 1.0) / h


def _verdict(claimed, numerical, tolerance, noise):
    if np.max(np.abs(claimed)) == 0 and np.max(np.abs(numerical)) <= noise:
        return (
            f"passed: the gradient is zero, and so is every difference quotient (below {noise:.0e})"
        )
    scale = max(np.max(np.abs(claimed)), np.max(np.abs(numerical)), np.finfo(float).tiny)
    error = np.max(np.abs(claimed - numerical)) / scale
    if not error <= tolerance:
        raise AssertionError(f"rejected: max relative error {error:.1e} > {tolerance:.0e}")
    return f"passed: max relative error {error:.1e} ≤ {tolerance:.0e} ({claimed.size} entries)"


def expect_refused(check, *formulas, **inputs):
    """Run a check of a formula that is wrong: return the refusal, raise if it passed."""
    try:
        message = check(*formulas, **inputs)
    except AssertionError as refusal:
        return str(refusal)
    raise AssertionError(f"a wrong formula was not refused: {message}")
