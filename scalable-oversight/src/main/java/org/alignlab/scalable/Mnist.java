package org.alignlab.scalable;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.alignlab.core.Sha256;

/**
 * The MNIST test set (10,000 digits, 28 x 28), read from the gzipped IDX files as distributed,
 * after checking their SHA-256 against the published files. The project carries its own copy
 * (see {@code mnist/README.md} beside this class for the attribution); a folder holding the same two
 * files can be given instead.
 *
 * @param pixels one row of 784 intensities (0-255) per image, row by row
 * @param labels the digit of each image
 */
public record Mnist(byte[][] pixels, int[] labels) {
    /** Image side and size. */
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final String IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String LABELS = "t10k-labels-idx1-ubyte.gz";
    static final String IMAGES_SHA256 = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6";
    static final String LABELS_SHA256 = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6";

    /** The copy the project carries. */
    public static Mnist embedded() throws IOException {
        return read(resource(IMAGES), resource(LABELS), "the embedded copy");
    }

    /** The two files in {@code folder}, named as distributed. */
    public static Mnist from(Path folder) throws IOException {
        byte[][] files = new byte[2][];
        String[] names = {IMAGES, LABELS};
        for (int i = 0; i < 2; i++) {
            Path file = folder.resolve(names[i]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("MNIST file " + file + " is missing; the folder must hold " + IMAGES
                        + " and " + LABELS + " as distributed (gzipped IDX)");
            }
            files[i] = Files.readAllBytes(file);
        }
        return read(files[0], files[1], folder.toString());
    }

    /** The files in {@code folder}, or the embedded copy when it is empty: a study's {@code mnist} setting. */
    public static Mnist load(String folder) throws IOException {
        return folder.isEmpty() ? embedded() : from(Path.of(folder));
    }

    /** What is wrong with a study's {@code mnist} setting, or null when nothing is. */
    static String settingProblem(String folder) {
        return folder.isEmpty() || Files.isDirectory(Path.of(folder)) ? null : "mnist must be a folder holding "
                + IMAGES + " and " + LABELS + " (or empty for the embedded copy), got '" + folder + "'";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Mnist.class.getResourceAsStream("mnist/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the embedded MNIST file " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    /** Checks both files' checksums, then parses them. */
    static Mnist read(byte[] images, byte[] labels, String where) throws IOException {
        check(images, IMAGES, IMAGES_SHA256, where);
        check(labels, LABELS, LABELS_SHA256, where);
        try (DataInputStream in = gunzip(images)) {
            int magic = in.readInt();
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (magic != 2051 || rows != SIDE || columns != SIDE) {
                throw new IllegalArgumentException("not an IDX image file of 28 x 28 images: " + IMAGES + " in " + where);
            }
            byte[][] pixels = new byte[count][PIXELS];
            for (byte[] row : pixels) {
                in.readFully(row);
            }
            try (DataInputStream l = gunzip(labels)) {
                if (l.readInt() != 2049 || l.readInt() != count) {
                    throw new IllegalArgumentException("not an IDX label file for " + count + " images: " + LABELS
                            + " in " + where);
                }
                int[] digits = new int[count];
                for (int i = 0; i < count; i++) {
                    digits[i] = l.readUnsignedByte();
                }
                return new Mnist(pixels, digits);
            }
        }
    }

    private static void check(byte[] file, String name, String sha256, String where) {
        String actual = Sha256.hex(file);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("MNIST file " + name + " in " + where + " is corrupt or not the published "
                    + "test set: its SHA-256 is " + actual + ", expected " + sha256);
        }
    }

    private static DataInputStream gunzip(byte[] file) throws IOException {
        return new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file), 1 << 16));
    }

    /** How many images. */
    public int size() {
        return labels.length;
    }

    /** The intensity of pixel {@code p} of image {@code i}, 0-255. */
    public int intensity(int i, int p) {
        return pixels[i][p] & 0xff;
    }

    /** Image {@code i}'s intensities scaled to 0-1, the input every network here reads. */
    public float[] intensities(int i) {
        float[] out = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            out[p] = intensity(i, p) / 255f;
        }
        return out;
    }

    /** The indices of image {@code i}'s nonzero pixels, in order. */
    public int[] nonzero(int i) {
        int n = 0;
        for (byte b : pixels[i]) {
            n += b != 0 ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int p = 0; p < PIXELS; p++) {
            if (pixels[i][p] != 0) {
                out[n++] = p;
            }
        }
        return out;
    }
}
