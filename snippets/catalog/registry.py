"""Every catalogue entry, gathered from the family modules in a fixed order.

Site machinery: it reads the catalogue's registry and the site's modules, so it does not
run alone.

Each family module (snippets/catalog/<family>.py) lists its entries in `IDENTITIES`;
matrix_valued also in `MATRIX_IDENTITIES`, hessians in `HESSIAN_IDENTITIES`. This module puts
them together, finds one by its id, and says on which page and under which anchor an entry is
derived.
"""

from snippets.catalog import (
    determinants,
    eigenvalues,
    forms,
    hessians,
    inverses,
    matrix_valued,
    norms,
    structured,
    traces,
)
from snippets.catalog.entry import HessianIdentity, Identity, MatrixIdentity

#: The family modules, in the order of the catalogue's pages.
FAMILIES = (
    traces,
    norms,
    forms,
    determinants,
    inverses,
    eigenvalues,
    structured,
    matrix_valued,
    hessians,
)

#: All scalar identities ∂f/∂X = G, family by family.
IDENTITIES: list[Identity] = [entry for family in FAMILIES for entry in family.IDENTITIES]

#: All matrix-valued identities d vec F = J d vec X.
MATRIX_IDENTITIES: list[MatrixIdentity] = list(matrix_valued.MATRIX_IDENTITIES)

#: All second-derivative identities ∂²f/∂vec X ∂vec Xᵀ = H (family "hessians").
HESSIAN_IDENTITIES: list[HessianIdentity] = list(hessians.HESSIAN_IDENTITIES)

_BY_ID = {entry.id: entry for entry in [*IDENTITIES, *MATRIX_IDENTITIES, *HESSIAN_IDENTITIES]}


def by_id(id: str) -> Identity | MatrixIdentity | HessianIdentity:
    """The entry whose id is `id`, e.g. by_id("traces.AXB")."""
    try:
        return _BY_ID[id]
    except KeyError:
        family = id.partition(".")[0]
        known = [k for k in _BY_ID if k.startswith(family + ".")] or sorted(_BY_ID)[:10]
        raise KeyError(f"no catalogue entry {id!r}; entries like it: {', '.join(known)}") from None


def page(entry: Identity | MatrixIdentity) -> str:
    """The page that derives the entry, relative to docs/: "catalog/traces.md"."""
    return f"catalog/{entry.family.replace('_', '-')}.md"


def anchor(entry: Identity | MatrixIdentity) -> str:
    """The entry's heading anchor on its page: its id with dots as dashes, "traces-AXB"."""
    return entry.id.replace(".", "-")
