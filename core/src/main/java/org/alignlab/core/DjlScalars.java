package org.alignlab.core;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic between an array and a number that is safe to differentiate. DJL's own
 * {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)} and {@code minimum(Number)} on
 * PyTorch wrap the number in a one-element array over a Java direct buffer and close that array
 * as soon as the operation returns; but the autograd graph keeps the number's tensor for the
 * backward pass (the gradient of {@code x * c} is {@code c}), and once the garbage collector frees
 * the direct buffer the backward pass reads whatever memory took its place. Gradients then depend
 * on when the collector ran: the same seed gave different networks (found in the amplification
 * study's reward models, about one training in twenty under an ordinary heap, most of them under a
 * busy one). Here the number lives in the array's own manager, which in a training step is the
 * step's, so it stays until the step's backward pass is done. Addition and subtraction do not keep
 * their operand and need no help.
 */
public final class DjlScalars {
    private DjlScalars() {
    }

    /** {@code x * c}. */
    public static NDArray mul(NDArray x, float c) {
        return x.mul(x.getManager().create(c));
    }

    /** {@code x / c}. */
    public static NDArray div(NDArray x, float c) {
        return x.div(x.getManager().create(c));
    }

    /** The element-wise larger of {@code x} and {@code c}. */
    public static NDArray maximum(NDArray x, float c) {
        return x.maximum(x.getManager().create(c));
    }

    /** The element-wise smaller of {@code x} and {@code c}. */
    public static NDArray minimum(NDArray x, float c) {
        return x.minimum(x.getManager().create(c));
    }
}
