package org.alignlab.core;

/**
 * Activation steering: add {@code scale} times {@code direction} to the activations at
 * {@code layer} on the forward pass (every position, for a sequence model). A negative scale
 * subtracts the direction.
 */
public record Steering(String layer, float[] direction, double scale) {
    public Steering {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("steering needs a layer");
        }
        if (direction == null || direction.length == 0) {
            throw new IllegalArgumentException("steering needs a direction");
        }
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("steering scale must be finite, got " + scale);
        }
    }

    /** The vector added: scale times direction. */
    public float[] vector() {
        float[] v = new float[direction.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (scale * direction[i]);
        }
        return v;
    }
}
