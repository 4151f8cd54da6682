"""The copyable layer code at extreme inputs, against mpmath at 60 significant digits.

cross_entropy: within 1e-14 relative for logits up to 1e300 in size, −inf allowed where the
target is 0. sigmoid and its slope: within a few units in the last place wherever the true
value is a normal float64, and never 0 there. GELU and its slope: no warning and no NaN for
any finite input (pytest turns warnings into errors), and accurate to a few ulp times the
function's own condition number 1 + |x f'(x) / f(x)| (a float input is already uncertain by
half an ulp, which the function amplifies by that much).
"""

import mpmath
import numpy as np
import pytest

from snippets.layers.activations import (
    GELU_A,
    gelu,
    gelu_backward,
    sigmoid,
    sigmoid_backward,
)
from snippets.layers.softmax import cross_entropy, cross_entropy_backward

mpmath.mp.dps = 60
EPS = np.finfo(np.float64).eps
TINY = np.finfo(np.float64).tiny  # the smallest normal float64
BIG = np.finfo(np.float64).max


def _mp_sigmoid(x):
    return 1 / (1 + mpmath.exp(-mpmath.mpf(x)))


def _mp_sigmoid_slope(x):
    e = mpmath.exp(-abs(mpmath.mpf(x)))  # σ(x) σ(−x), without forming 1 − σ(x)
    return e / (1 + e) ** 2


def _ulps(computed, true):
    return float(abs(mpmath.mpf(computed) - true) / abs(true)) / EPS


def _extreme_x():
    rng = np.random.default_rng(0)
    tails = np.logspace(-300, np.log10(BIG) - 1e-9, 120)
    return np.concatenate(
        [np.linspace(-745, 745, 1491), rng.uniform(-40, 40, 300), tails, -tails, [0.0, -0.0]]
    )


def test_sigmoid_and_its_slope_to_a_few_ulp_where_normal():
    x = _extreme_x()
    s, slope = sigmoid(x), sigmoid_backward(np.ones_like(x), x)
    checked = 0
    for xi, si, di in zip(x, s, slope, strict=True):
        for computed, true in ((si, _mp_sigmoid(xi)), (di, _mp_sigmoid_slope(xi))):
            if true >= TINY:
                checked += 1
                assert computed > 0, f"0.0 at x = {xi!r}, true {mpmath.nstr(true, 5)}"
                assert _ulps(computed, true) <= 4, (xi, computed, true)
    assert checked > 3000


def test_sigmoid_minus_40_is_not_zero():
    x = np.array([-40.0])
    assert _ulps(sigmoid(x)[0], _mp_sigmoid(-40.0)) <= 4
    assert _ulps(sigmoid_backward(np.ones(1), x)[0], _mp_sigmoid_slope(-40.0)) <= 4
    assert 4.24e-18 < sigmoid(x)[0] < 4.26e-18


def _mp_gelu_and_slope(x):
    """f(x) = x σ(2u) and f'(x), u = c (x + a x³): the same function as ½ x (1 + tanh u)."""
    x = mpmath.mpf(x)
    c, a = mpmath.sqrt(2 / mpmath.pi), mpmath.mpf(GELU_A)
    two_u = 2 * c * (x + a * x**3)
    e = mpmath.exp(-abs(two_u))
    s = 1 / (1 + mpmath.exp(-two_u))
    return x * s, s + 2 * x * e / (1 + e) ** 2 * c * (1 + 3 * a * x**2)


def test_gelu_no_warning_no_nan_and_accurate_at_any_finite_input():
    x = np.concatenate([_extreme_x(), np.linspace(-30, 30, 601), [BIG, -BIG, 5e-324, -5e-324]])
    y, slope = gelu(x), gelu_backward(np.ones_like(x), x)  # a warning would fail the test
    assert np.isfinite(y).all()  # no NaN, no overflow
    assert np.isfinite(slope).all()
    for xi, yi, di in zip(x, y, slope, strict=True):
        f, df = _mp_gelu_and_slope(xi)
        h = abs(mpmath.mpf(xi)) * mpmath.mpf(10) ** -30 or mpmath.mpf(10) ** -30
        d2f = (_mp_gelu_and_slope(xi + h)[1] - _mp_gelu_and_slope(xi - h)[1]) / (2 * h)
        if abs(f) >= TINY:
            assert _ulps(yi, f) <= 4 * (1 + abs(xi * df / f)), (xi, yi, f)
        if abs(df) >= TINY:
            assert _ulps(di, df) <= 4 * (1 + abs(xi * d2f / df)), (xi, di, df)


def _mp_cross_entropy(Z, T):
    """(1/N) Σ_n Σ_k T_nk (−log p_nk), with −log p_k = log(1 + Σ_{j ≠ k} exp(z_j − z_k)) in
    60 digits (log1p keeps a loss of 1e-300 accurate); terms with T = 0 skipped."""
    total = mpmath.mpf(0)
    for z, t in zip(Z, T, strict=True):
        for k in np.flatnonzero(t):
            zk = mpmath.mpf(z[k])
            r = mpmath.fsum(mpmath.exp(mpmath.mpf(v) - zk) for j, v in enumerate(z) if j != k)
            total += mpmath.mpf(t[k]) * mpmath.log1p(r)
    return total / len(Z)


def _one_hot(targets, K):
    return np.eye(K)[targets]


CROSS_ENTROPY_CASES = {
    "three equal logits 1e16 (ln 3)": ([[1e16, 1e16, 1e16]], [0]),
    "logits near 1e10": ([[1e10 + 3.25, 1e10 - 1.5, 1e10 + 0.125]], [1]),
    "logits near -1e10": ([[-1e10 + 3.25, -1e10 - 1.5, -1e10]], [2]),
    "±1e300, target the max": ([[1e300, -1e300, 0.0]], [0]),
    "±1e300, target the min": ([[1e300, -1e300, 0.0]], [1]),
    "1e300 apart by 1e284": ([[1e300, 1e300 - 1e285, 1e300 + 1e284]], [0]),
    "a confident right answer (loss 2e-22)": ([[50.0, 0.0, -1.0]], [0]),
    "loss near e^-700": ([[700.3, 0.1]], [0]),
    "-inf where the target is 0": ([[2.0, -np.inf, 0.5, -np.inf]], [0]),
    "-inf, target not the max": ([[2.0, -np.inf, 0.5, -np.inf]], [2]),
    "a batch of four": (
        [[1e16, 1e16, 1e16], [1e10, -1e10, 0.0], [3.0, -np.inf, 3.0], [0.1, 0.2, 0.3]],
        [0, 1, 2, 1],
    ),
}


@pytest.mark.parametrize("case", CROSS_ENTROPY_CASES)
def test_cross_entropy_to_1e_minus_14_at_extreme_logits(case):
    logits, targets = CROSS_ENTROPY_CASES[case]
    Z = np.array(logits)
    T = _one_hot(targets, Z.shape[1])
    true = _mp_cross_entropy(Z, T)  # below the normal range (e^-2e300), 0.0 is the answer
    assert abs(mpmath.mpf(cross_entropy(Z, T)) - true) <= max(1e-14 * abs(true), TINY)
    assert np.isfinite(cross_entropy_backward(Z, T)).all()


def test_cross_entropy_soft_targets_at_large_logits():
    rng = np.random.default_rng(1)
    Z = 1e12 + rng.standard_normal((5, 4)) * 10.0
    T = rng.uniform(size=(5, 4))
    T /= T.sum(axis=1, keepdims=True)
    true = _mp_cross_entropy(Z, T)
    assert abs(mpmath.mpf(cross_entropy(Z, T)) - true) <= 1e-14 * abs(true)


@pytest.mark.parametrize(
    ("Z", "message"),
    [
        ([[1.0, np.inf]], "finite or −inf"),
        ([[-np.inf, -np.inf], [0.0, 1.0]], "finite entry in every row"),
    ],
)
def test_cross_entropy_refuses_plus_inf_and_rows_without_a_finite_logit(Z, message):
    with pytest.raises(ValueError, match=message):
        cross_entropy(np.array(Z), _one_hot([0] * len(Z), 2))


def test_a_target_on_minus_inf_gives_an_infinite_loss():
    assert cross_entropy(np.array([[0.0, -np.inf]]), _one_hot([1], 2)) == np.inf


def test_cross_entropy_of_confident_right_answers():
    """Losses from e^-30 down to e^-700: each one rests on exp(z_j − μ), where z_j − μ rounds;
    the snippet corrects that rounding (without it, errors reach 6e-14 on these rows)."""
    rng = np.random.default_rng(2)
    for _ in range(1000):
        top = rng.uniform(-1e3, 1e3)
        Z = np.array([[top, top - rng.uniform(30, 700)]])
        T = _one_hot([0], 2)
        true = _mp_cross_entropy(Z, T)
        assert abs(mpmath.mpf(cross_entropy(Z, T)) - true) <= 1e-14 * true, Z
