package org.alignlab.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the probe and the sparse autoencoder, on data whose structure is planted. */
class ProbeAndDictionaryTest {

    /** Two Gaussian classes offset along a known direction: the probe finds it and separates held-out data. */
    @Test
    void aProbeRecoversAPlantedDirection() {
        SplittableRandom r = new SplittableRandom(3);
        int d = 20;
        float[] planted = new float[d];
        planted[4] = 0.6f;
        planted[11] = -0.8f;
        float[][][] train = classes(r, planted, 200, d);
        float[][][] test = classes(r, planted, 200, d);
        LinearProbe probe = LinearProbe.fit(train[0], train[1], LinearProbe.Settings.defaults());
        assertThat(cosine(probe.direction(), planted)).isGreaterThan(0.9);
        // Offset 2 standard deviations apart along the direction: the Bayes AUROC is Phi(2/sqrt(2)) ~ 0.92.
        assertThat(probe.auroc(test[0], test[1]).value()).isBetween(0.87, 0.97);
        assertThat(cosine(LinearProbe.meanDifference(train[0], train[1]), planted)).isGreaterThan(0.9);
    }

    /**
     * The fit standardises once and leaves out features that standardise to 0 for every example: it must give the very
     * scores of the plain algorithm (below, standardising on every step and keeping every feature), to the last bit,
     * here with columns that are all 0, all 1, all -0.0, a one-hot block like a board's, and noise.
     */
    @Test
    void theFastFitGivesThePlainFitsScoresToTheLastBit() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 37;
        int d = 9;
        float[][] pos = new float[n][d];
        float[][] neg = new float[n - 12][d];
        for (float[][] set : new float[][][] {pos, neg}) {
            for (float[] row : set) {
                row[0] = 0f;
                row[1] = 1f;
                row[2] = -0.0f;
                row[3 + r.nextInt(3)] = 1f; // one-hot over columns 3-5
                row[6] = (float) r.nextGaussian();
                row[7] = (float) r.nextGaussian() + (set == pos ? 0.5f : 0f);
                row[8] = 0.1f;
            }
        }
        LinearProbe.Settings settings = new LinearProbe.Settings(1e-2, 200, 0.5);
        LinearProbe fast = LinearProbe.fit(pos, neg, settings);
        double[] plain = plainFit(pos, neg, settings);
        for (float[][] set : new float[][][] {pos, neg}) {
            for (float[] row : set) {
                double s = plain[d];
                for (int j = 0; j < d; j++) {
                    s += plain[j] * row[j];
                }
                assertThat(fast.score(row)).isEqualTo(s);
            }
        }
    }

    /** The probe's fit as first written: raw weights, then the bias. */
    private static double[] plainFit(float[][] positives, float[][] negatives, LinearProbe.Settings s) {
        int d = positives[0].length;
        int n = positives.length + negatives.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            float[] row = i < positives.length ? positives[i] : negatives[i - positives.length];
            for (int j = 0; j < d; j++) {
                x[i][j] = row[j];
            }
            y[i] = i < positives.length ? 1 : 0;
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]) + 1e-6;
        }
        double wPos = n / (2.0 * positives.length);
        double wNeg = n / (2.0 * negatives.length);
        double[] w = new double[d];
        double b = 0;
        double[] z = new double[d];
        for (int it = 0; it < s.iterations(); it++) {
            double[] grad = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double logit = b;
                for (int j = 0; j < d; j++) {
                    z[j] = (x[i][j] - mean[j]) / std[j];
                    logit += w[j] * z[j];
                }
                double err = (1 / (1 + Math.exp(-logit)) - y[i]) * (y[i] == 1 ? wPos : wNeg) / n;
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[j];
                }
                gb += err;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= s.learningRate() * (grad[j] + s.l2() * w[j]);
            }
            b -= s.learningRate() * gb;
        }
        double[] out = new double[d + 1];
        out[d] = b;
        for (int j = 0; j < d; j++) {
            out[j] = w[j] / std[j];
            out[d] -= w[j] * mean[j] / std[j];
        }
        return out;
    }

    @Test
    void aProbeWithOneClassIsAnError() {
        float[][] some = {{1, 2}, {3, 4}};
        assertThatThrownBy(() -> LinearProbe.fit(some, new float[0][], LinearProbe.Settings.defaults()))
                .hasMessageContaining("both classes").hasMessageContaining("2 positive and 0 negative");
        assertThatThrownBy(() -> LinearProbe.meanDifference(new float[0][], some)).hasMessageContaining("both classes");
    }

    /**
     * Activations built as sparse sums of 8 known unit directions in 16 dimensions (about 1.5
     * active per input): the dictionary reconstructs them well, stays sparse, and its live
     * features line up with the planted directions.
     */
    @Test
    void aSparseAutoencoderFindsPlantedFeatures() {
        SplittableRandom r = new SplittableRandom(5);
        int d = 16;
        int k = 8;
        float[][] atoms = new float[k][d];
        for (float[] atom : atoms) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                atom[j] = (float) r.nextGaussian();
                norm += atom[j] * atom[j];
            }
            for (int j = 0; j < d; j++) {
                atom[j] /= (float) Math.sqrt(norm);
            }
        }
        float[][] data = new float[3000][d];
        for (float[] row : data) {
            for (float[] atom : atoms) {
                if (r.nextDouble() < 1.5 / k) {
                    double c = 1 + r.nextDouble();
                    for (int j = 0; j < d; j++) {
                        row[j] += (float) (c * atom[j]);
                    }
                }
            }
        }
        SparseAutoencoder.Settings s = new SparseAutoencoder.Settings(32, 0.3, 3000, 128, 3e-3f, 1);
        try (SparseAutoencoder sae = SparseAutoencoder.train(data, s)) {
            SparseAutoencoder.Quality q = sae.quality(data);
            assertThat(q.fractionOfVarianceUnexplained()).isLessThan(0.1);
            assertThat(q.meanL0()).isLessThan(6); // 1.5 planted per input; measured 4.4
            assertThat(q.deadFeatures()).isLessThan(16);
            int found = 0;
            for (float[] atom : atoms) {
                double best = 0;
                for (int f = 0; f < sae.features(); f++) {
                    best = Math.max(best, cosine(sae.decoderDirection(f), atom));
                }
                found += best > 0.9 ? 1 : 0;
            }
            assertThat(found).isGreaterThanOrEqualTo(6);
            assertThat(sae.topInputs(data, 3)).isNotEmpty().allSatisfy(e -> assertThat(e.topInputs()).hasSizeBetween(1, 3));
        }
        assertThatThrownBy(() -> SparseAutoencoder.train(new float[1][4], s)).hasMessageContaining("at least 2");
    }

    private static float[][][] classes(SplittableRandom r, float[] direction, int n, int d) {
        float[][] pos = new float[n][d];
        float[][] neg = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                pos[i][j] = (float) (r.nextGaussian() + direction[j]);
                neg[i][j] = (float) (r.nextGaussian() - direction[j]);
            }
        }
        return new float[][][] {pos, neg};
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
