"""The adjoint (dot-product) test of each layer page's backward passes.

A backward pass computes v ↦ Jᵀv, where J is the Jacobian of the forward pass. For random
u and v it must give ⟨v, J u⟩ = ⟨Jᵀv, u⟩, with J u taken from the forward pass alone
(central differences along u). The passes are the ones on the proofs page
(snippets/checks/proofs.py, LAYER_PASSES); each layer page runs those of its own file.
"""

# --8<-- [start:setup]
from snippets.checks.proofs import LAYER_PASSES
from snippets.exact.adjoint import adjoint_test
from snippets.gradcheck import expect_pass


# --8<-- [end:setup]
# --8<-- [start:check_layer_adjoint]
def check_layer_adjoint(source, seed=0, passes=LAYER_PASSES):
    """⟨v, J u⟩ = ⟨Jᵀv, u⟩ for every backward pass defined in the snippet file `source`."""
    mine = [bp for bp in passes if bp.source == source]
    if not mine:
        raise ValueError(f"no backward pass of {source} is known to the adjoint test")
    return [adjoint_test(bp, seed) for bp in mine]


# --8<-- [end:check_layer_adjoint]
