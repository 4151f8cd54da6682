"""Checks of the elementwise activations (snippets/layers/activations.py).

Each check builds its inputs from a seed and takes the formula under test as a keyword
argument, so tests can hand it a wrong formula and see it rejected. The forward formulas the
snippet is compared with are written here independently (sigmoid as 1 / (1 + e⁻ˣ), not
through tanh). Inputs stay at least `margin` away from 0, where ReLU has its kink: the
five-point differences step up to 2h = 2·eps^(1/5)·max(|x_i|, ρ) away from x, ρ the root
mean square of x.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import (
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    vec,
)
from snippets.layers.activations import (
    gelu,
    gelu_backward,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
    tanh,
    tanh_backward,
)

ACTIVATIONS = {
    "tanh": (tanh, tanh_backward),
    "sigmoid": (sigmoid, sigmoid_backward),
    "relu": (relu, relu_backward),
    "gelu": (gelu, gelu_backward),
}

FORMULAS = {  # the forward passes, from their definitions
    "tanh": np.tanh,
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "relu": lambda x: np.where(x > 0, x, 0.0),
    "gelu": lambda x: 0.5 * x * (1.0 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
}


def activation_inputs(seed=0, shape=(3, 5), margin=0.1):
    """x with entries of size between `margin` and 3, random signs; upstream G of x's shape."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(margin, 3.0, shape) * rng.choice([-1.0, 1.0], shape)
    return x, rng.standard_normal(shape)


# --8<-- [end:setup]


# --8<-- [start:check_activation]
def check_activation(name, seed=0, shape=(3, 5), forward=None, backward=None, claim=None):
    """For y = f(x) entry by entry: the forward pass against the formula, and
    dx = dy ∘ f'(x) against finite differences of φ(x) = G : f(x), for a random G.
    `claim` names a wrong formula under test in the printed result."""
    forward = forward or ACTIVATIONS[name][0]
    backward = backward or ACTIVATIONS[name][1]
    x, G = activation_inputs(seed, shape)
    f = FORMULAS[name]
    return [
        compare(forward(x), f(x), label=claim or f"y = {name}(x)"),
        check_gradient(
            lambda x: np.sum(G * f(x)), backward(G, x), x, label=claim or f"{name}_backward"
        ),
    ]


# --8<-- [end:check_activation]


# --8<-- [start:check_diagonal_jacobian]
def check_diagonal_jacobian(name, seed=0, shape=(3, 5), backward=None):
    """The Jacobian of an entrywise f is diag(f'(x)) (x.size × x.size), with f'(x) read off the
    backward pass as backward(1, x); and the backward pass is its transpose applied to G."""
    backward = backward or ACTIVATIONS[name][1]
    x, G = activation_inputs(seed, shape)
    slopes = backward(np.ones(shape), x)
    J = np.diag(vec(slopes))
    return [
        check_jacobian(FORMULAS[name], J, x, label=f"{name}: J = diag(f'(x))"),
        compare(
            backward(G, x), (J.T @ vec(G)).reshape(shape, order="F"), label=f"{name}: dx = Jᵀ dy"
        ),
    ]


# --8<-- [end:check_diagonal_jacobian]


# --8<-- [start:check_relu_near_kink]
def check_relu_near_kink(distance, seed=0, shape=(3, 5), backward=relu_backward):
    """relu_backward against finite differences at x whose first row lies `distance` from 0
    and whose other entries lie 1 from it (random signs; distance 0 puts the first row on
    the kink). The checker's step is eps^(1/5)·max(|x_i|, ρ), ρ the root mean square of x;
    an entry below ρ where f bends too fast for it is redone with eps^(1/5)·max(|x_i|, ρ/1000),
    which still straddles the kink when the first row lies within about 1e-6 of it."""
    rng = np.random.default_rng(seed)
    x = rng.choice([-1.0, 1.0], shape)
    x[0] *= distance
    G = rng.standard_normal(shape)
    return check_gradient(
        lambda x: np.sum(G * np.maximum(x, 0.0)),
        backward(G, x),
        x,
        label=f"relu_backward, first row |x| = {distance:g}",
    )


# --8<-- [end:check_relu_near_kink]


# --8<-- [start:check_relu_at_zero]
def check_relu_at_zero(h=1e-6, backward=relu_backward):
    """At x = 0 the one-sided slopes of ReLU, (relu(h) − relu(0)) / h = 1 and
    (relu(0) − relu(−h)) / h = 0, disagree; the backward pass uses relu'(0) = 0."""
    zero, step = np.zeros(1), np.full(1, h)
    right = (relu(step) - relu(zero)) / h
    left = (relu(zero) - relu(-step)) / h
    return [
        compare(right, left, label="right slope = left slope at 0"),
        compare(backward(np.ones(1), zero), np.zeros(1), label="relu_backward(1, 0) = 0"),
    ]


# --8<-- [end:check_relu_at_zero]


# --8<-- [start:wrong_backward]
C = np.sqrt(2 / np.pi)


def _tanh_u(x):
    return np.tanh(C * (x + 0.044715 * x**3))


def _gelu_slope(x, c=C, three=3.0):
    """½ (1 + tanh u) + ½ x (1 − tanh² u) c (1 + 3 a x²), with c and the 3 replaceable."""
    t = _tanh_u(x)
    return 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * c * (1 + three * 0.044715 * x**2)


WRONG_BACKWARD = {  # claim: (activation, a wrong backward pass dx(dy, x))
    "tanh' = 1 - tanh x (the square forgotten)": ("tanh", lambda dy, x: dy * (1 - np.tanh(x))),
    "tanh' = 1 - x² (the input squared)": ("tanh", lambda dy, x: dy * (1 - x**2)),
    "tanh' left out": ("tanh", lambda dy, x: dy),
    "tanh' with a wrong sign": ("tanh", lambda dy, x: -dy * (1 - np.tanh(x) ** 2)),
    "σ' = σ(x)": ("sigmoid", lambda dy, x: dy / (1 + np.exp(-x))),
    "σ' = x (1 - x) (applied to the input)": ("sigmoid", lambda dy, x: dy * x * (1 - x)),
    "σ' with a wrong sign": ("sigmoid", lambda dy, x: -dy * np.exp(-x) / (1 + np.exp(-x)) ** 2),
    "relu' = x instead of [x > 0]": ("relu", lambda dy, x: dy * np.maximum(x, 0)),
    "relu' with a wrong sign": ("relu", lambda dy, x: -dy * (x > 0)),
    "gelu' without its second term": ("gelu", lambda dy, x: dy * 0.5 * (1 + _tanh_u(x))),
    "gelu' without the 3 of 3 a x²": ("gelu", lambda dy, x: dy * _gelu_slope(x, three=1.0)),
    "gelu' without c": ("gelu", lambda dy, x: dy * _gelu_slope(x, c=1.0)),
    "gelu' with a wrong sign": ("gelu", lambda dy, x: -dy * _gelu_slope(x)),
}

WRONG_FORWARD = {
    "σ(x) = 1 / (1 + e^x)": ("sigmoid", lambda x: 1 / (1 + np.exp(x))),
}


def relu_geq(dy, x):
    """ReLU with the convention relu'(0) = 1: [x >= 0] instead of [x > 0]."""
    return dy * (x >= 0)


# --8<-- [end:wrong_backward]
