"""Checks of what the site's figures show (snippets/figures/).

A figure is drawn from data; these checks test the data against what the caption says,
so that a figure that stops showing its claim fails the build. Each check takes the
function that makes the figure's data as a keyword argument, so tests can hand it a wrong
one and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.checking import loss_inputs, softplus_loss, softplus_loss_grad
from snippets.figures.check_costs import (
    COSTS,
    METHOD_OF,
    counted_evaluations,
    counted_matmul_ratio,
)
from snippets.figures.fd_steps import CHECKER_STEP, step_errors
from snippets.figures.jacobian_memory import memory_table
from snippets.figures.kron_layouts import kron_layouts
from snippets.gradcheck import (
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
    numerical_gradient,
    relative_error,
)
from snippets.kronecker import jacobian_D_wrt_W

# --8<-- [end:setup]


# --8<-- [start:check_fd_steps]
def check_fd_steps(seed=0, errors=step_errors):
    """The five-point V bottoms out near the checker's step, within a factor of about 3 in h
    (relative error 0.7); and its error there is that of the checker's numerical_gradient."""
    h, e = errors(seed)
    five = e["five-point"]
    W, X, Y = loss_inputs(seed)
    numerical = numerical_gradient(lambda W: softplus_loss(W, X, Y), W)
    return [
        compare(
            h[np.argmin(five)],
            CHECKER_STEP,
            tolerance=0.7,
            method="the step of least error against ε^(1/5)",
            label="five-point error is smallest near the checker's step",
        ),
        compare(
            five[np.flatnonzero(h == CHECKER_STEP)[0]],
            relative_error(numerical, softplus_loss_grad(W, X, Y)),
            label="five-point error at ε^(1/5) = numerical_gradient's",
        ),
    ]


# --8<-- [end:check_fd_steps]


# --8<-- [start:check_kron_layouts]
def check_kron_layouts(layouts=kron_layouts):
    """Drawn on the left: Xᵀ ⊗ I_m; on the right, numpy's default reshape: I_m ⊗ Xᵀ."""
    X, column_major, row_major = layouts()
    m = column_major.shape[0] // X.shape[1]
    return [
        compare(column_major, np.kron(X.T, np.eye(m)), label="left panel = np.kron(X.T, I_m)"),
        compare(row_major, np.kron(np.eye(m), X.T), label="right panel = np.kron(I_m, X.T)"),
    ]


# --8<-- [end:check_kron_layouts]


# --8<-- [start:check_jacobian_memory]
def check_jacobian_memory(table=memory_table, allocate_up_to=16):
    """Jacobian bytes / gradient bytes = s², the entries of D, at every plotted s; and the
    plotted bytes are those of the arrays themselves where they are small enough to build."""
    rows = table()
    ratios = np.array([jacobian / gradient for _, jacobian, gradient in rows])
    sizes = np.array([s for s, _, _ in rows], dtype=float)
    results = [compare(ratios, sizes**2, tolerance=0.0, label="Jacobian / gradient = s²")]
    for s, jacobian, gradient in rows:
        if s <= allocate_up_to:
            rng = np.random.default_rng(s)
            W, X = rng.standard_normal((s, s)), rng.standard_normal((s, s))
            built = jacobian_D_wrt_W(X, s).nbytes, (W @ X @ X.T).nbytes
            results.append(
                compare(
                    np.array([jacobian, gradient]),
                    np.array(built, dtype=float),
                    tolerance=0.0,
                    label=f"s = {s}: plotted bytes = .nbytes of the built arrays",
                )
            )
    return results


# --8<-- [end:check_jacobian_memory]


# --8<-- [start:check_eval_costs]
def check_eval_costs(costs=COSTS, shapes=((3, 4, 5), (10, 30, 4), (100, 100, 2))):
    """The plotted costs are the evaluations of f that check_gradient makes, counted, for
    p = 12, 300 and 10 000 (the entry-by-entry methods only up to p = 2000); and the
    gradient's forward + backward products cost twice the forward one."""
    results = []
    for name, method in METHOD_OF.items():
        for shape in shapes:
            p = shape[0] * shape[1]
            if method != "directional" and p > 2000:
                continue
            results.append(
                compare(
                    float(costs[name](p)),
                    float(counted_evaluations(method, shape)),
                    tolerance=0.0,
                    method="counted calls",
                    label=f"{method}, p = {p}: plotted cost",
                )
            )
    gradient = next(name for name in costs if name not in METHOD_OF)
    results.append(
        compare(
            float(costs[gradient](12)),
            counted_matmul_ratio(),
            tolerance=0.0,
            method="counted multiply-adds",
            label="gradient: (forward + backward) / forward",
        )
    )
    return results


# --8<-- [end:check_eval_costs]
