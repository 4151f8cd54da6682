"""2-D convolution via im2col: the checks pass, and the plausible mistakes are rejected."""

import numpy as np
import pytest

from snippets.checks.layers.convolution import (
    WRONG_CONVOLUTION,
    as_convolution_with,
    backward_with,
    check_col2im,
    check_conv_backward,
    check_conv_forward,
    check_input_gradient_is_a_convolution,
    conv_inputs,
    uncropped,
)
from snippets.gradcheck import GradientCheckError
from snippets.layers.convolution import (
    col2im,
    conv2d_backward,
    conv2d_backward_input_as_convolution,
    conv2d_forward,
    im2col,
    output_size,
)

#: ((N, C, F, h, w, kh, kw), stride, padding): distinct sizes, uneven strides that leave
#: pixels unread, square images and filters with C = F, stride 1, one channel, no padding.
CONFIGS = [
    ((2, 2, 3, 5, 6, 3, 2), 2, 1),
    ((1, 3, 2, 6, 5, 2, 3), 1, 0),
    ((1, 2, 2, 7, 6, 3, 3), 3, 2),
    ((1, 3, 3, 5, 5, 3, 3), 1, 1),
    ((2, 2, 2, 6, 6, 3, 3), 2, 1),
    ((1, 1, 1, 4, 5, 2, 2), 2, 0),
]
#: Configurations where patches overlap (stride < filter), so that col2im must add.
OVERLAPPING = [c for c in CONFIGS if c[1] < min(c[0][5:])]


@pytest.fixture(params=[0, 1])
def few_seeds(request):
    """Two seeds for the wrong answers: each costs several finite-difference gradients."""
    return request.param


@pytest.fixture(params=CONFIGS, ids=lambda c: f"{'x'.join(map(str, c[0]))}-s{c[1]}-p{c[2]}")
def config(request):
    return request.param


def test_forward_passes(seed, config):
    shape, stride, padding = config
    assert check_conv_forward(seed, shape, stride, padding)


def test_output_shape(config):
    (N, _, F, h, w, kh, kw), stride, padding = config
    X, W, b, _ = conv_inputs(0, *config)
    Y = conv2d_forward(X, W, b, stride, padding)
    assert Y.shape == (
        N,
        F,
        (h + 2 * padding - kh) // stride + 1,
        (w + 2 * padding - kw) // stride + 1,
    )


def test_col2im_is_the_transpose_of_im2col(seed, config):
    assert check_col2im(seed, *config)


def test_backward_passes(seed, config):
    results = check_conv_backward(seed, *config)
    assert len(results) == 3
    assert all(results)


def test_input_gradient_is_a_convolution(seed, config):
    assert all(check_input_gradient_is_a_convolution(seed, *config))


# --- wrong col2im ---------------------------------------------------------------------------------


def col2im_assigning(dcols, x_shape, kh, kw, stride, padding):
    N, C, h, w = x_shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    d6 = dcols.reshape(C, kh, kw, N, ho, wo)
    dXp = np.zeros((N, C, h + 2 * padding, w + 2 * padding))
    for a in range(kh):
        for e in range(kw):
            rows = slice(a, a + stride * (ho - 1) + 1, stride)
            cols = slice(e, e + stride * (wo - 1) + 1, stride)
            dXp[:, :, rows, cols] = d6[:, a, e].transpose(1, 0, 2, 3)
    return dXp[:, :, padding : padding + h, padding : padding + w]


def backward_with_col2im(col2im_fn):
    def backward(dY, X, W, stride, padding):
        F, _, kh, kw = W.shape
        G2 = dY.transpose(1, 0, 2, 3).reshape(F, -1)
        dW = (G2 @ im2col(X, kh, kw, stride, padding).T).reshape(W.shape)
        dX = col2im_fn(W.reshape(F, -1).T @ G2, X.shape, kh, kw, stride, padding)
        return dX, dW, G2.sum(axis=1)

    return backward


def test_backward_helper_is_the_snippet(seed, config):
    X, W, _, G = conv_inputs(seed, *config)
    ours = backward_with_col2im(col2im)(G, X, W, *config[1:])
    snippet = conv2d_backward(G, X, W, *config[1:])
    assert all(np.array_equal(a, b) for a, b in zip(ours, snippet, strict=True))


@pytest.mark.parametrize("config", OVERLAPPING, ids=str)
def test_assigning_col2im_rejected(config, few_seeds):
    assert not check_col2im(few_seeds, *config, backward=col2im_assigning)
    dX_result = check_conv_backward(
        few_seeds, *config, backward=backward_with_col2im(col2im_assigning)
    )[0]
    assert not dX_result


def test_assigning_col2im_is_right_without_overlap():
    # Stride ≥ filter: every pixel is copied at most once, and = and += agree. The tests above
    # therefore use overlapping patches, where the mistake shows.
    assert check_col2im(0, (1, 2, 2, 6, 6, 2, 2), 2, 0, backward=col2im_assigning)


# --- wrong input gradients as convolutions -------------------------------------------------------


def test_convolution_helper_is_right(seed, config):
    assert all(
        check_input_gradient_is_a_convolution(seed, *config, as_convolution=as_convolution_with())
    )


@pytest.mark.parametrize("wrong", WRONG_CONVOLUTION.values(), ids=WRONG_CONVOLUTION.keys())
def test_unflipped_filters_rejected(wrong, few_seeds, config):
    results = check_input_gradient_is_a_convolution(
        few_seeds, *config, as_convolution=as_convolution_with(**wrong)
    )
    assert not any(results)


@pytest.mark.parametrize("config", [c for c in CONFIGS if c[0][1] == c[0][2] > 1], ids=str)
def test_channels_not_swapped_rejected(config, few_seeds):
    # C = F: the filters read as (F, C, ...) instead of (C, F, ...) have the right shape.
    results = check_input_gradient_is_a_convolution(
        few_seeds, *config, as_convolution=as_convolution_with(swap=False)
    )
    assert not any(results)


@pytest.mark.parametrize("config", [c for c in CONFIGS if c[1] > 1], ids=str)
def test_stride_ignored_rejected(config, few_seeds):
    # Without dilation (zeros added to reach the size of X) the numbers are wrong.
    assert not any(
        check_input_gradient_is_a_convolution(
            few_seeds, *config, as_convolution=as_convolution_with(dilate=False)
        )
    )


def test_stride_ignored_is_right_at_stride_1():
    assert all(
        check_input_gradient_is_a_convolution(
            0, (1, 3, 3, 5, 5, 3, 3), 1, 1, as_convolution_with(dilate=False)
        )
    )


# --- wrong weight and bias gradients -------------------------------------------------------------


def test_weight_helper_is_right(seed, config):
    X, W, _, G = conv_inputs(seed, *config)
    ours = backward_with()(G, X, W, *config[1:])
    snippet = conv2d_backward(G, X, W, *config[1:])
    assert all(np.array_equal(a, b) for a, b in zip(ours, snippet, strict=True))


@pytest.mark.parametrize("config", [c for c in CONFIGS if c[0][2] > 1], ids=str)
def test_wrong_dW_and_averaged_db_rejected(few_seeds, config):
    # With one filter (F = 1), cols G₂ᵀ holds the same numbers as G₂ colsᵀ: left out.
    wrong = backward_with(dW="cols G_mat.T", db="mean")
    _, dW_result, db_result = check_conv_backward(few_seeds, *config, backward=wrong)
    assert not dW_result
    assert not db_result


def test_padding_not_cropped_is_a_shape_error():
    with pytest.raises(GradientCheckError, match="shape"):
        check_conv_backward(0, backward=uncropped)


# --- bad input -----------------------------------------------------------------------------------


def good():
    X, W, b, _ = conv_inputs(0)
    return {"X": X, "W": W, "b": b, "stride": 2, "padding": 1}


BAD = {
    "integer X": ({"X": np.ones((2, 2, 5, 6), dtype=int)}, TypeError, "X must be a floating-point"),
    "channels differ": (
        {"W": np.ones((3, 4, 3, 2))},
        ValueError,
        "X has 2 channels but the filters W have 4",
    ),
    "bias of the wrong length": ({"b": np.ones(2)}, ValueError, r"b must have shape \(3,\)"),
    "filter larger than the image": ({"W": np.ones((3, 2, 9, 2))}, ValueError, "does not fit"),
    "stride 0": ({"stride": 0}, ValueError, "stride must be an int ≥ 1"),
    "three-axis X": ({"X": np.ones((2, 5, 6))}, ValueError, r"X must be \(N, C, h, w\)"),
}


@pytest.mark.parametrize(("change", "error", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_refused(change, error, message):
    with pytest.raises(error, match=message):
        conv2d_forward(**{**good(), **change})


def test_upstream_gradient_of_the_wrong_shape_refused():
    args = good()
    with pytest.raises(
        ValueError, match=r"dY must have the shape of Y, \(2, 3, 3, 4\); got \(2, 3, 4, 3\)"
    ):
        conv2d_backward(np.ones((2, 3, 4, 3)), args["X"], args["W"], 2, 1)
    with pytest.raises(TypeError, match="dY must be a floating-point"):
        conv2d_backward_input_as_convolution(
            np.ones((2, 3, 3, 4), dtype=int), args["W"], args["X"].shape, 2, 1
        )
    with pytest.raises(ValueError, match=r"dY must have the shape of Y, \(2, 3, 3, 4\)"):
        conv2d_backward_input_as_convolution(
            np.ones((2, 3, 3, 3)), args["W"], args["X"].shape, 2, 1
        )
    with pytest.raises(TypeError, match="W must be a floating-point"):
        conv2d_backward(np.ones((2, 3, 3, 4)), args["X"], np.ones((3, 2, 3, 2), dtype=int), 2, 1)


def test_a_filter_that_fits_only_with_padding_on_both_sides():
    """A 3 × 3 filter on a 1 × 1 image with padding 1 fits (1 + 2·1 = 3): one output, the
    image times the filter's centre. (Counting the padding on one side only would refuse it.)"""
    X, W = np.full((1, 1, 1, 1), 2.0), np.arange(9.0).reshape(1, 1, 3, 3)
    Y = conv2d_forward(X, W, np.zeros(1), stride=1, padding=1)
    assert Y.shape == (1, 1, 1, 1)
    assert Y[0, 0, 0, 0] == 2.0 * W[0, 0, 1, 1]
