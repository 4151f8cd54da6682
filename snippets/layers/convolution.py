"""2-D convolution with stride and padding, as a matrix product via im2col (numpy only).

X (N, C, h, w): N images of C channels, h × w pixels. W (F, C, kh, kw): F filters,
each spanning all C channels. b (F,). Stride s, zero padding p on every side.
Like every deep-learning framework, "convolution" means cross-correlation:

    Y[n, f, i, j] = b[f] + Σ_{c, a, e} W[f, c, a, e] · Xp[n, c, s·i + a, s·j + e]

with Xp = X padded by p zeros; Y is (N, F, h', w'), h' = (h + 2p − kh) // s + 1,
w' = (w + 2p − kw) // s + 1. im2col copies each patch into a column:

    cols = im2col(X)           (C·kh·kw, N·h'·w')
    Y = W_mat cols + b 1ᵀ         W_mat = W reshaped to (F, C·kh·kw): the site's D = W X

Backward, with dY = ∂φ/∂Y reshaped to G_mat (F, N·h'·w'):

    dW = G_mat colsᵀ  (reshaped to W's shape)   db = G_mat 1   dcols = W_matᵀ G_mat
    dX = col2im(dcols): every column added back onto the pixels it was copied from.
"""

import numpy as np


def output_size(size, k, stride, padding):
    """h' = (h + 2p − k) // s + 1: how many positions a filter of size k takes."""
    return (size + 2 * padding - k) // stride + 1


def _taps(offset, count, stride):
    """The rows (or columns) offset, offset + s, …, offset + s·(count − 1) of the padded
    image: where filter tap `offset` lands for each of the `count` output positions."""
    return slice(offset, offset + stride * (count - 1) + 1, stride)


def _check(X, W, stride, padding, b=None):
    for name, A in (("X", X), ("W", W), ("b", b)):
        if A is not None and (not isinstance(A, np.ndarray) or A.dtype.kind != "f"):
            kind = A.dtype if isinstance(A, np.ndarray) else type(A).__name__
            raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if X.ndim != 4 or W.ndim != 4:
        raise ValueError(f"X must be (N, C, h, w) and W (F, C, kh, kw); got {X.shape}, {W.shape}")
    if X.shape[1] != W.shape[1]:
        raise ValueError(f"X has {X.shape[1]} channels but the filters W have {W.shape[1]}")
    if b is not None and b.shape != (W.shape[0],):
        raise ValueError(f"b must have shape ({W.shape[0]},), one per filter; got {b.shape}")
    if not (isinstance(stride, int) and stride >= 1 and isinstance(padding, int) and padding >= 0):
        raise ValueError(f"stride must be an int ≥ 1, padding an int ≥ 0; got {stride}, {padding}")
    for size, k in zip(X.shape[2:], W.shape[2:], strict=True):
        if size + 2 * padding < k:
            raise ValueError(f"a filter of size {k} does not fit in {size} pixels + 2·{padding}")


def _check_gradient(dY, shape):
    if not isinstance(dY, np.ndarray) or dY.dtype.kind != "f":
        kind = dY.dtype if isinstance(dY, np.ndarray) else type(dY).__name__
        raise TypeError(f"dY must be a floating-point numpy array; got {kind}")
    if dY.shape != shape:
        raise ValueError(f"dY must have the shape of Y, {shape}; got {dY.shape}")


def im2col(X, kh, kw, stride, padding):
    """cols (C·kh·kw, N·h'·w'): column (n, i, j) holds the patch of Xp under output pixel
    (i, j) of image n, its rows ordered (c, a, e) like W[f].reshape(-1)."""
    N, C, h, w = X.shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    cols = np.empty((C, kh, kw, N, ho, wo))
    for a in range(kh):
        for e in range(kw):
            patch = Xp[:, :, _taps(a, ho, stride), _taps(e, wo, stride)]  # (N, C, h', w')
            cols[:, a, e] = patch.transpose(1, 0, 2, 3)  # (N, C, h', w') → (C, N, h', w')
    return cols.reshape(C * kh * kw, N * ho * wo)


def col2im(dcols, x_shape, kh, kw, stride, padding):
    """The transpose of im2col: dX (N, C, h, w) with each entry of dcols ADDED to the pixel
    it was copied from. Patches overlap when the stride is smaller than the filter, and then
    a pixel receives the sum of the gradients of all the patches it belongs to."""
    N, C, h, w = x_shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    d6 = dcols.reshape(C, kh, kw, N, ho, wo)
    dXp = np.zeros((N, C, h + 2 * padding, w + 2 * padding))
    for a in range(kh):
        for e in range(kw):
            # += : where patches overlap, a pixel collects the gradient of every copy
            dXp[:, :, _taps(a, ho, stride), _taps(e, wo, stride)] += d6[:, a, e].transpose(
                1, 0, 2, 3
            )
    return dXp[:, :, padding : padding + h, padding : padding + w]  # the padding gets no gradient


def conv2d_forward(X, W, b, stride=1, padding=0):
    """Y = W_mat im2col(X) + b 1ᵀ, reshaped to (N, F, h', w'); X (N, C, h, w), W (F, C, kh, kw),
    b (F,)."""
    _check(X, W, stride, padding, b)
    (N, _, h, w), (F, _, kh, kw) = X.shape, W.shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    D = W.reshape(F, -1) @ im2col(X, kh, kw, stride, padding) + b[:, None]  # (F, N·h'·w')
    return D.reshape(F, N, ho, wo).transpose(1, 0, 2, 3)


def conv2d_backward(dY, X, W, stride=1, padding=0):
    """Given dY = ∂φ/∂Y (N, F, h', w'), return dX = col2im(W_matᵀ G_mat) (N, C, h, w),
    dW = G_mat colsᵀ (F, C, kh, kw) and db = G_mat 1 (F,), with G_mat = dY as (F, N·h'·w')."""
    _check(X, W, stride, padding)
    (N, _, h, w), (F, _, kh, kw) = X.shape, W.shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    _check_gradient(dY, (N, F, ho, wo))
    G2 = dY.transpose(1, 0, 2, 3).reshape(F, -1)
    cols = im2col(X, kh, kw, stride, padding)
    dW = (G2 @ cols.T).reshape(W.shape)
    dX = col2im(W.reshape(F, -1).T @ G2, X.shape, kh, kw, stride, padding)
    return dX, dW, G2.sum(axis=1)


def conv2d_backward_input_as_convolution(dY, W, x_shape, stride=1, padding=0):
    """dX as a stride-1 convolution: dilate dY (s − 1 zeros between entries), pad it by
    k − 1 zeros, convolve with the filters flipped in space and with in/out channels swapped,
    and crop the padding p. dY (N, F, h', w'), W (F, C, kh, kw); returns dX (N, C, h, w)."""
    _check(np.zeros(x_shape), W, stride, padding)
    (N, C, h, w), (F, _, kh, kw) = x_shape, W.shape
    ho, wo = output_size(h, kh, stride, padding), output_size(w, kw, stride, padding)
    _check_gradient(dY, (N, F, ho, wo))
    dilated = np.zeros((N, F, stride * (ho - 1) + 1, stride * (wo - 1) + 1))
    dilated[:, :, ::stride, ::stride] = dY
    # pad k − 1 before; after, k − 1 plus the rows and columns the stride never reached
    extra_h, extra_w = (
        h + 2 * padding - (stride * (ho - 1) + kh),
        w + 2 * padding - (stride * (wo - 1) + kw),
    )
    padded = np.pad(
        dilated, ((0, 0), (0, 0), (kh - 1, kh - 1 + extra_h), (kw - 1, kw - 1 + extra_w))
    )
    flipped = W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)  # (C, F, kh, kw)
    dXp = conv2d_forward(padded, np.ascontiguousarray(flipped), np.zeros(C), stride=1, padding=0)
    return dXp[:, :, padding : padding + h, padding : padding + w]
