package org.alignlab.rl.neural;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.function.BiFunction;
import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * A two-hidden-layer perceptron on DJL (PyTorch engine, CPU): the function approximator of the
 * neural agents, optionally behind a convolutional front ({@link Image}) for observations that are
 * planes of a board. Weights are initialised from a Java random source (uniform in
 * +-1/sqrt(fan_in), biases 0, as PyTorch's default range) rather than the engine's global
 * generator, so runs on parallel threads stay reproducible from their own seeds.
 */
final class Network implements AutoCloseable {
    static {
        org.alignlab.core.DjlDefaults.apply();
    }

    /**
     * The observation as an image: {@code planes} one-hot planes of {@code rows} x {@code cols} cells, laid out plane
     * by plane (as {@code GridworldBatch} writes them). A network given one reads it through two 3 x 3 convolutions
     * of stride 2 (16 then 32 filters, each with a ReLU) before its hidden layers: a perceptron of 64 or 256 units
     * did not learn to find the cheese in 90% of unseen 13 x 13 mazes, this did (a probe on one seed, 2026-12-06:
     * evidence/paper-runs/goal-misgeneralisation/probes-2026-12-06/).
     */
    record Image(int planes, int rows, int cols) {
        Image {
            if (planes < 1 || rows < 1 || cols < 1) {
                throw new IllegalArgumentException("an image needs at least one plane, row and column, got " + planes
                        + " x " + rows + " x " + cols);
            }
        }
    }

    /** Children of the block before the first hidden layer: none for a perceptron, six for the convolutional front. */
    private final int frontBlocks;
    private final int inputSize;
    private final int outputSize;
    private final Model model;
    private final SequentialBlock block;
    private final Trainer trainer;
    private final ParameterStore inferenceStore;

    /**
     * @param learningRate Adam's step size; 0 makes an inference-only network (a target network)
     */
    Network(String name, int inputSize, int hidden, int outputSize, float learningRate, long seed) {
        this(name, inputSize, hidden, outputSize, learningRate, seed, null);
    }

    /**
     * @param image the observation's planes to read through a convolutional front, or null for a perceptron alone
     */
    Network(String name, int inputSize, int hidden, int outputSize, float learningRate, long seed, Image image) {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.block = new SequentialBlock();
        if (image != null) {
            if (image.planes() * image.rows() * image.cols() != inputSize) {
                throw new IllegalArgumentException("an image of " + image.planes() + " x " + image.rows() + " x "
                        + image.cols() + " cells is not an input of " + inputSize + " values");
            }
            int planes = image.planes(), rows = image.rows(), cols = image.cols();
            block.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, planes, rows, cols))))
                    .add(convolution(16))
                    .add(Activation.reluBlock())
                    .add(convolution(32))
                    .add(Activation.reluBlock())
                    .add(Blocks.batchFlattenBlock());
        }
        this.frontBlocks = block.getChildren().size();
        block.add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(outputSize).build());
        this.model = Model.newInstance(name, "PyTorch");
        model.setBlock(block);
        if (learningRate > 0) {
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build()));
            trainer.initialize(new Shape(1, inputSize));
        } else {
            trainer = null;
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputSize));
        }
        inferenceStore = new ParameterStore(model.getNDManager(), false);
        initialise(seed);
    }

    private static Conv2d convolution(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optPadding(new Shape(1, 1))
                .optStride(new Shape(2, 2)).build();
    }

    private void initialise(long seed) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            long[] shape = array.getShape().getShape();
            float[] values = new float[(int) array.size()];
            if (shape.length == 2 || shape.length == 4) {
                // A convolution's fan-in is its input planes times its kernel's cells.
                double bound = 1.0 / Math.sqrt(shape.length == 2 ? shape[1] : shape[1] * shape[2] * shape[3]);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
            array.set(values);
        }
    }

    int inputSize() {
        return inputSize;
    }

    int outputSize() {
        return outputSize;
    }

    /** Outputs for {@code batch} inputs laid out row by row; returns batch x outputSize values. */
    float[] predict(float[] inputs, int batch) {
        try (NDManager sub = model.getNDManager().newSubManager()) {
            NDArray x = sub.create(inputs, new Shape(batch, inputSize));
            return block.forward(inferenceStore, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    /** The layers whose activations can be captured or steered, in forward order. */
    static final java.util.List<String> LAYERS = java.util.List.of("hidden1", "hidden2", "output");

    /**
     * Runs the network block by block for {@code batch} inputs and returns the activations at
     * {@code layer} (batch x width, row by row), with {@code steering} (or null) added to the
     * activations at its layer on the way.
     */
    float[] activations(float[] inputs, int batch, String layer, org.alignlab.core.Steering steering) {
        int stop = layerIndex(layer);
        int steerAt = steering == null ? -1 : layerIndex(steering.layer());
        try (NDManager sub = model.getNDManager().newSubManager()) {
            NDList x = new NDList(sub.create(inputs, new Shape(batch, inputSize)));
            // Children: the convolutional front if any, then linear, relu (hidden1), linear, relu (hidden2), linear
            // (output).
            var children = block.getChildren().values();
            int child = -frontBlocks;
            for (ai.djl.nn.Block b : children) {
                x = b.forward(inferenceStore, x, false);
                int reached = child == 1 ? 0 : child == 3 ? 1 : child == 4 ? 2 : -1;
                if (reached >= 0 && reached == steerAt) {
                    NDArray v = sub.create(steering.vector());
                    if (v.getShape().get(0) != x.singletonOrThrow().getShape().get(1)) {
                        throw new IllegalArgumentException("steering direction has " + v.getShape().get(0)
                                + " values, layer " + steering.layer() + " has " + x.singletonOrThrow().getShape().get(1));
                    }
                    x = new NDList(x.singletonOrThrow().add(v));
                }
                if (reached == stop) {
                    return x.singletonOrThrow().toFloatArray();
                }
                child++;
            }
            throw new IllegalStateException("unreachable: layer " + layer);
        }
    }

    /** {@link #activations} at {@code layer} for each observation in turn (rows). */
    float[][] capture(String layer, java.util.List<float[]> observations) {
        float[][] out = new float[observations.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = activations(observations.get(i), 1, layer, null);
        }
        return out;
    }

    private static int layerIndex(String layer) {
        int i = LAYERS.indexOf(layer);
        if (i < 0) {
            throw new IllegalArgumentException("no layer '" + layer + "' in this network; layers: "
                    + String.join(", ", LAYERS));
        }
        return i;
    }

    /**
     * One optimisation step: forward {@code batch} inputs, let {@code loss} build a scalar loss
     * from the outputs (creating any arrays it needs in the given manager), back-propagate, and
     * update with Adam.
     *
     * @return the loss
     */
    float train(float[] inputs, int batch, BiFunction<NDManager, NDArray, NDArray> loss) {
        // A sub-manager per step frees every intermediate array; without it memory grows each step.
        try (NDManager sub = model.getNDManager().newSubManager()) {
            float value;
            // DJL's GradientCollector allows one per process, which would make networks on
            // different threads train in turn; PyTorch's grad mode is per thread, so switch it
            // on for this thread only and back-propagate directly.
            boolean gradMode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                NDArray x = sub.create(inputs, new Shape(batch, inputSize));
                NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray l = loss.apply(sub, out);
                JniUtils.backward((PtNDArray) l, (PtNDArray) sub.ones(l.getShape()), false, false);
                value = l.getFloat();
            } finally {
                JniUtils.setGradMode(gradMode);
            }
            trainer.step();
            return value;
        }
    }

    /** Writes the architecture (input, hidden and output sizes) and every weight, to be {@link #read} back. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        if (frontBlocks > 0) {
            // The stored form knows perceptrons only; no study stores a convolutional policy yet.
            throw new UnsupportedOperationException("a network with a convolutional front cannot be stored");
        }
        var parameters = block.getParameters();
        out.writeInt(inputSize);
        out.writeInt((int) parameters.get(0).getValue().getArray().getShape().get(0)); // hidden x input
        out.writeInt(outputSize);
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> p : parameters) {
            float[] values = p.getValue().getArray().toFloatArray();
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    /** An inference-only network written by {@link #write}. */
    static Network read(java.io.DataInputStream in, String name) throws java.io.IOException {
        int input = in.readInt();
        int hidden = in.readInt();
        int output = in.readInt();
        int count = in.readInt();
        if (input < 1 || hidden < 1 || output < 1 || input > 1 << 20 || hidden > 1 << 14 || output > 1 << 10) {
            throw new java.io.IOException("not a stored network (sizes " + input + ", " + hidden + ", " + output + ")");
        }
        Network net = new Network(name, input, hidden, output, 0, 0);
        try {
            var parameters = net.block.getParameters();
            if (count != parameters.size()) {
                throw new java.io.IOException("the stored network has " + count + " weight arrays, this one "
                        + parameters.size());
            }
            for (Pair<String, Parameter> p : parameters) {
                NDArray array = p.getValue().getArray();
                int length = in.readInt();
                if (length != array.size()) {
                    throw new java.io.IOException("weight array " + p.getKey() + " holds " + length + " values, expected "
                            + array.size());
                }
                float[] values = new float[length];
                for (int i = 0; i < length; i++) {
                    values[i] = in.readFloat();
                }
                array.set(values);
            }
        } catch (java.io.IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /**
     * Every weight array, in the block's order (for each of the three linear layers its weights,
     * units x inputs row by row, then its biases; before them, with a convolutional front, each
     * convolution's weights, filters x planes x 3 x 3, then its biases): what a forward pass on the
     * Java side reads.
     */
    float[][] weights() {
        var parameters = block.getParameters();
        float[][] out = new float[parameters.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = parameters.get(i).getValue().getArray().toFloatArray();
        }
        return out;
    }

    /** Copies every weight of {@code other} (same architecture) into this network. */
    void copyFrom(Network other) {
        var mine = block.getParameters();
        var theirs = other.block.getParameters();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).getValue().getArray().set(theirs.get(i).getValue().getArray().toFloatArray());
        }
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }
}
