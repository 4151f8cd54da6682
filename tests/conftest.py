"""Shared test settings: the seeds and shapes every snippet is checked at."""

import pytest

SEEDS = [0, 1, 2, 3, 4]

#: (m, q, n) for D = W X: distinct non-square dimensions, where a transpose changes the
#: shape, and square ones, where only the numbers can reveal it.
SHAPES = [(3, 4, 5), (5, 2, 3), (4, 4, 4), (1, 3, 2)]


@pytest.fixture(params=SEEDS)
def seed(request):
    return request.param


@pytest.fixture(params=SHAPES, ids=lambda s: "x".join(map(str, s)))
def shape(request):
    return request.param
