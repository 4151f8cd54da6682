"""Catalogue family "hessians": second derivatives of quadratic and trace forms, in Kronecker form.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Each entry gives f, its gradient ∇f and its Hessian H = ∂vec(∇f)/∂vec X, of shape
(X.size, X.size), with vec stacking columns on both sides (numpy's order="F"). The checks
compare the gradient with central differences of f, and H with central differences of the
gradient (the Jacobian of ∇f). Every f here is quadratic, so H does not depend on X.

Derived and checked on docs/catalog/hessians.md.
"""

from snippets.catalog.code import hessians as copyable
from snippets.catalog.entry import HessianIdentity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import Sample

#: The copyable functions (snippets/catalog/code/hessians.py), also runnable on exact matrices.
code = exact_capable(copyable)

FAMILY = "hessians"

#: This family has no first-derivative entries of its own; the registry reads all three lists.
IDENTITIES: list = []

XAX = HessianIdentity(
    id="hessians.xAx",
    family=FAMILY,
    title="a quadratic function xᵀAx + bᵀx",
    tex=r"\frac{\partial^2 (x^\top A x + b^\top x)}{\partial x\, \partial x^\top} = A + A^\top",
    conditions=("A: p × p",),
    variable="x",
    f=code.f_xAx,
    grad=code.grad_xAx,
    hessian=code.hessian_xAx,
    sample=Sample(x="p", A="pp", b="p"),
    exact="polynomial",
)

AXTXB = HessianIdentity(
    id="hessians.aXtXb",
    family=FAMILY,
    title="aᵀXᵀXb",
    tex=r"\frac{\partial^2 a^\top X^\top X b}"
    r"{\partial\, \mathrm{vec} X\, \partial\, (\mathrm{vec} X)^\top}"
    r" = (ab^\top + ba^\top) \otimes I_p",
    conditions=("X: p × r",),
    variable="X",
    f=code.f_aXtXb,
    grad=code.grad_aXtXb,
    hessian=code.hessian_aXtXb,
    sample=Sample(X="pr", a="r", b="r"),
    exact="polynomial",
)

TR_XTBX = HessianIdentity(
    id="hessians.tr_XtBX",
    family=FAMILY,
    title="tr(XᵀBX)",
    tex=r"\frac{\partial^2 \operatorname{tr}(X^\top B X)}{\partial\, \mathrm{vec} X\,"
    r" \partial\, (\mathrm{vec} X)^\top} = I_r \otimes (B + B^\top)",
    conditions=("X: p × r", "B: p × p"),
    variable="X",
    f=code.f_tr_XtBX,
    grad=code.grad_tr_XtBX,
    hessian=code.hessian_tr_XtBX,
    sample=Sample(X="pr", B="pp"),
    exact="polynomial",
)

TR_AXBX = HessianIdentity(
    id="hessians.tr_AXBX",
    family=FAMILY,
    title="tr(AXBX)",
    tex=r"\frac{\partial^2 \operatorname{tr}(AXBX)}{\partial\, \mathrm{vec} X\,"
    r" \partial\, (\mathrm{vec} X)^\top}"
    r" = (B \otimes A^\top + A \otimes B^\top)\, \mathcal{K}_{pr}",
    conditions=("X: p × r", "A: r × p", "B: r × p"),
    variable="X",
    f=code.f_tr_AXBX,
    grad=code.grad_tr_AXBX,
    hessian=code.hessian_tr_AXBX,
    sample=Sample(X="pr", A="rp", B="rp"),
    exact="polynomial",
)

BXTCXC = HessianIdentity(
    id="hessians.bXtCXc",
    family=FAMILY,
    title="bᵀXᵀCXc",
    tex=r"\frac{\partial^2 b^\top X^\top C X c}{\partial\, \mathrm{vec} X\,"
    r" \partial\, (\mathrm{vec} X)^\top} = bc^\top \otimes C + cb^\top \otimes C^\top",
    conditions=("X: p × r", "C: p × p"),
    variable="X",
    f=code.f_bXtCXc,
    grad=code.grad_bXtCXc,
    hessian=code.hessian_bXtCXc,
    sample=Sample(X="pr", b="r", c="r", C="pp"),
    exact="polynomial",
)

HESSIAN_IDENTITIES: list[HessianIdentity] = [XAX, AXTXB, TR_XTBX, TR_AXBX, BXTCXC]
