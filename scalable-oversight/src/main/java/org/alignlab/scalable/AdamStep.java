package org.alignlab.scalable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.function.Function;

/** One optimisation step on DJL for the networks of this module, which keep their weights as named arrays. */
final class AdamStep {
    private AdamStep() {
    }

    /**
     * Builds a scalar loss from {@code parameters} (in the manager it is given), back-propagates and
     * updates every parameter with {@code optimiser}.
     */
    static void step(NDManager manager, Map<String, NDArray> parameters, Optimizer optimiser,
                     Function<NDManager, NDArray> loss) {
        // A sub-manager per step frees every intermediate array; without it memory grows each step. The weights are
        // attached to it for the step, as results of an operation belong to its first operand's manager; closing it
        // hands them back.
        try (NDManager sub = manager.newSubManager()) {
            parameters.values().forEach(p -> p.tempAttach(sub));
            boolean gradMode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                NDArray l = loss.apply(sub);
                JniUtils.backward((PtNDArray) l, (PtNDArray) sub.ones(l.getShape()), false, false);
            } finally {
                JniUtils.setGradMode(gradMode);
            }
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                optimiser.update(e.getKey(), e.getValue(), e.getValue().getGradient());
                JniUtils.zeroGrad((PtNDArray) e.getValue());
            }
        }
    }
}
