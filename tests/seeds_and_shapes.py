"""The seeds and shapes every snippet is checked at (the `seed` and `shape` fixtures use them).

A plain module, so test helpers can import it: `from conftest import ...` is ambiguous with
more than one conftest.py in the tree.
"""

SEEDS = [0, 1, 2, 3, 4]

#: (m, q, n) for D = W X: distinct non-square dimensions, where a transpose changes the
#: shape, and square ones, where only the numbers can reveal it.
SHAPES = [(3, 4, 5), (5, 2, 3), (4, 4, 4), (1, 3, 2)]
