"""Checks for the symmetric-variable page: the two conventions for a symmetric X, side by side.

check_identity (snippets/checks/catalog/identity.py) checks the gradient WITHIN symmetric
matrices: the symmetric S with df = S : dX for every symmetric dX. check_entrywise checks the
other convention: the partial derivatives of f by the distinct entries X_ij = X_ji (i ≤ j),
each moved as one variable, collected into a symmetric matrix.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.catalog.registry import by_id
from snippets.catalog.sample import default_sizes
from snippets.catalog.structured import entrywise, sym
from snippets.gradcheck import check_gradient, expect_pass, expect_reject

# --8<-- [end:setup]


# --8<-- [start:check_entrywise]
def check_entrywise(entry, seed=0, claimed=None, label=None):
    """Partial derivatives by the n(n+1)/2 distinct entries of a symmetric X, against `claimed`.

    The variable is v, the upper triangle of X (row by row); X(v) puts v_ij in both (i, j) and
    (j, i). claimed(**inputs) is an n × n matrix whose upper triangle must equal ∂f/∂v. The
    default is entrywise(S) = 2S − S ∘ I, from the entry's symmetric gradient S.
    """
    with default_sizes():  # the two conventions differ only off the diagonal
        inputs = entry.sample(np.random.default_rng(seed))
    name, X = entry.variable, inputs[entry.variable]
    n = X.shape[0]
    upper = np.triu_indices(n)

    def X_of(v):
        M = np.zeros((n, n))
        M[upper] = v
        return M + np.triu(M, 1).T

    def f(v):
        return entry.f(**{**inputs, name: X_of(v)})

    E = entrywise(entry.grad(**inputs)) if claimed is None else np.asarray(claimed(**inputs))
    label = label or f"{entry.id}: partial derivatives by the distinct entries"
    return check_gradient(f, E[upper], X[upper], label=label)


# --8<-- [end:check_entrywise]
