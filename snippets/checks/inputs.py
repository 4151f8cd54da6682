"""The random inputs the checks of D = W X start from.

One seed gives W (m, q), X (q, n) and an upstream gradient G = ∂φ/∂D (m, n),
all float64 with standard normal entries: well scaled, away from any special
structure, and G random rather than all ones, so that a transposed or
misplaced factor changes the numbers.
"""

import numpy as np


def random_inputs(seed: int = 0, shape: tuple[int, int, int] = (3, 4, 5)):
    """W (m, q), X (q, n) and a random upstream gradient G (m, n), from one seed."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((m, q)),
        rng.standard_normal((q, n)),
        rng.standard_normal((m, n)),
    )
