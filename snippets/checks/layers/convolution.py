"""Checks of the 2-D convolution (snippets/layers/convolution.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected. The
convolution the gradients are checked against is written out here from the index
formula, with a loop over the filter offsets, independently of im2col.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import (
    GradientCheckError,
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
)
from snippets.layers.convolution import (
    col2im,
    conv2d_backward,
    conv2d_backward_input_as_convolution,
    conv2d_forward,
    im2col,
    output_size,
)


def conv_inputs(seed: int = 0, shape=(2, 2, 3, 5, 6, 3, 2), stride=2, padding=1):
    """X (N, C, h, w), W (F, C, k, k), b (F,) and a random upstream gradient G (N, F, h', w'),
    for shape = (N, C, F, h, w, k, kw) with filters of kh = k rows and kw columns."""
    N, C, F, h, w, kh, kw = shape
    rng = np.random.default_rng(seed)
    X, W, b = (
        rng.standard_normal((N, C, h, w)),
        rng.standard_normal((F, C, kh, kw)),
        rng.standard_normal(F),
    )
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    return X, W, b, rng.standard_normal((N, F, ho, wo))


def conv_by_index(X, W, b, stride, padding):
    """Y[n, f, i, j] = b[f] + Σ_{c,a,e} W[f, c, a, e] Xp[n, c, s·i + a, s·j + e]: the sums over
    c with einsum, the sums over the filter offsets (a, e) as a loop."""
    _, _, kh, kw = W.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    ho = output_size(X.shape[2], kh, stride, padding)
    wo = output_size(X.shape[3], kw, stride, padding)
    Y = b[None, :, None, None] + np.zeros((X.shape[0], W.shape[0], ho, wo), dtype=X.dtype)
    for a in range(kh):
        for e in range(kw):
            shifted = Xp[:, :, a : a + stride * ho : stride, e : e + stride * wo : stride]
            Y = Y + np.einsum("fc,ncij->nfij", W[:, :, a, e], shifted[:, :, :ho, :wo])
    return Y


# --8<-- [end:setup]


# --8<-- [start:check_conv_forward]
def check_conv_forward(
    seed=0, shape=(2, 2, 3, 5, 6, 3, 2), stride=2, padding=1, forward=conv2d_forward
):
    """The im2col forward pass must equal the index formula."""
    X, W, b, _ = conv_inputs(seed, shape, stride, padding)
    return compare(
        forward(X, W, b, stride, padding),
        conv_by_index(X, W, b, stride, padding),
        label=f"Y = W_mat im2col(X) + b 1ᵀ, stride {stride}, padding {padding}",
    )


# --8<-- [end:check_conv_forward]


# --8<-- [start:check_col2im]
def check_col2im(seed=0, shape=(2, 2, 3, 5, 6, 3, 2), stride=2, padding=1, backward=col2im):
    """col2im is the transpose of im2col: im2col(Z) : R = Z : col2im(R) for random Z and R.
    Exact, so checked to rounding."""
    N, C, _, h, w, kh, kw = shape
    rng = np.random.default_rng([seed, 5])
    Z = rng.standard_normal((N, C, h, w))
    R = rng.standard_normal(im2col(Z, kh, kw, stride, padding).shape)
    return compare(
        np.sum(Z * backward(R, Z.shape, kh, kw, stride, padding)),
        np.sum(im2col(Z, kh, kw, stride, padding) * R),
        label="X : col2im(G_col) = im2col(X) : G_col",
    )


# --8<-- [end:check_col2im]


# --8<-- [start:check_conv_backward]
def check_conv_backward(
    seed=0, shape=(2, 2, 3, 5, 6, 3, 2), stride=2, padding=1, backward=conv2d_backward, context=""
):
    """φ = G : conv(X, W, b) for a random G: dX, dW, db against central differences of the
    index formula. `context` is appended to the labels, to say what was changed."""
    X, W, b, G = conv_inputs(seed, shape, stride, padding)
    dX, dW, db = backward(G, X, W, stride, padding)

    def phi(X, W, b):
        return np.sum(G * conv_by_index(X, W, b, stride, padding))

    return [
        check_gradient(lambda X: phi(X, W, b), dX, X, label="dX" + context),
        check_gradient(lambda W: phi(X, W, b), dW, W, label="dW" + context),
        check_gradient(lambda b: phi(X, W, b), db, b, label="db" + context),
    ]


# --8<-- [end:check_conv_backward]


# --8<-- [start:check_input_gradient_is_a_convolution]
def check_input_gradient_is_a_convolution(
    seed=0,
    shape=(2, 2, 3, 5, 6, 3, 2),
    stride=2,
    padding=1,
    as_convolution=conv2d_backward_input_as_convolution,
    context="",
):
    """The claim: dX is the stride-1 convolution of dY, dilated by the stride and padded by
    k − 1, with the flipped filters (channels swapped), cropped by p. Against dX from col2im
    (to rounding) and against central differences."""
    X, W, b, G = conv_inputs(seed, shape, stride, padding)
    dX = as_convolution(G, W, X.shape, stride, padding)
    return [
        compare(
            dX,
            conv2d_backward(G, X, W, stride, padding)[0],
            label="dX by convolution = col2im(W_matᵀ G_mat)" + context,
        ),
        check_gradient(
            lambda X: np.sum(G * conv_by_index(X, W, b, stride, padding)),
            dX,
            X,
            label="dX by convolution" + context,
        ),
    ]


# --8<-- [end:check_input_gradient_is_a_convolution]


# --8<-- [start:wrong_passes]
def as_convolution_with(flip=(True, True), swap=True, dilate=True):
    """dX as a convolution of dY, with the flips, the channel swap or the dilation optional."""

    def as_convolution(dY, W, x_shape, stride, padding):
        N, F, ho, wo = dY.shape
        kh, kw = W.shape[2:]
        h, w = x_shape[2:]
        s = stride if dilate else 1
        dilated = np.zeros((N, F, s * (ho - 1) + 1, s * (wo - 1) + 1))
        dilated[:, :, ::s, ::s] = dY
        extra_h = max(h + 2 * padding - (s * (ho - 1) + kh), 0)
        extra_w = max(w + 2 * padding - (s * (wo - 1) + kw), 0)
        padded = np.pad(
            dilated, ((0, 0), (0, 0), (kh - 1, kh - 1 + extra_h), (kw - 1, kw - 1 + extra_w))
        )
        Wf = W[:, :, :: -1 if flip[0] else 1, :: -1 if flip[1] else 1]
        Wf = np.ascontiguousarray(Wf.transpose(1, 0, 2, 3) if swap else Wf)
        dXp = conv2d_forward(padded, Wf, np.zeros(Wf.shape[0]))
        return dXp[:, :, padding : padding + h, padding : padding + w]

    return as_convolution


WRONG_CONVOLUTION = {
    "filters not flipped": {"flip": (False, False)},
    "flipped along the rows only": {"flip": (True, False)},
    "flipped along the columns only": {"flip": (False, True)},
}


def backward_with(dW="G_mat cols.T", db="sum"):
    """conv2d_backward with dW = (cols G_matᵀ) reshaped, or db a mean, if asked."""

    def backward(dY, X, W, stride, padding):
        dX, _, _ = conv2d_backward(dY, X, W, stride, padding)
        F, _, kh, kw = W.shape
        G_mat = dY.transpose(1, 0, 2, 3).reshape(F, -1)
        cols = im2col(X, kh, kw, stride, padding)
        weights = G_mat @ cols.T if dW == "G_mat cols.T" else (cols @ G_mat.T).reshape(W.shape)
        bias = G_mat.sum(axis=1) if db == "sum" else G_mat.mean(axis=1)
        return dX, weights.reshape(W.shape), bias

    return backward


def uncropped(dY, X, W, stride, padding):
    """dX with the padding rows and columns left on: of the shape of X padded."""
    dX, dW, db = conv2d_backward(dY, X, W, stride, padding)
    return np.pad(dX, ((0, 0), (0, 0), (padding, padding), (padding, padding))), dW, db


# --8<-- [end:wrong_passes]
