package org.alignlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers computed independently with SciPy 1.17 (binomtest, proportion_ci "wilson") and NumPy. */
class ProportionMetricsTest {

    @Test
    void wilsonIntervalsMatchScipy() {
        check(ProportionInterval.wilson(8, 10), 0.4901624715366418, 0.9433178485456248);
        check(ProportionInterval.wilson(0, 10), 0.0, 0.27753279986288926);
        check(ProportionInterval.wilson(10, 10), 0.7224672001371109, 1.0);
        check(ProportionInterval.wilson(37, 120), 0.23272736988916295, 0.3958299772380067);
        check(ProportionInterval.wilson(1, 3), 0.06149194472039626, 0.7923403991979523);
        assertThat(ProportionInterval.wilson(37, 120).format()).isEqualTo("0.31 [0.23, 0.40] (37/120)");
    }

    @Test
    void wilsonWithoutTrialsIsUndefinedAndBadCountsAreRejected() {
        assertThat(ProportionInterval.wilson(0, 0).estimate()).isNaN();
        assertThat(ProportionInterval.wilson(0, 0).format()).isEqualTo("n/a (0/0)");
        assertThatThrownBy(() -> ProportionInterval.wilson(3, 2)).hasMessageContaining("successes <= trials");
    }

    private static void check(ProportionInterval p, double low, double high) {
        assertThat(p.low()).isCloseTo(low, within(1e-12));
        assertThat(p.high()).isCloseTo(high, within(1e-12));
    }

    @Test
    void mcnemarExactMatchesScipyBinomialTest() {
        assertThat(McNemar.exact(10, 3).pValue()).isCloseTo(0.09228515625, within(1e-12));
        assertThat(McNemar.exact(0, 5).pValue()).isCloseTo(0.0625, within(1e-12));
        assertThat(McNemar.exact(25, 15).pValue()).isCloseTo(0.1538599441628321, within(1e-10));
        assertThat(McNemar.exact(7, 7).pValue()).isEqualTo(1.0);
        assertThat(McNemar.exact(0, 0).pValue()).isEqualTo(1.0);
    }

    @Test
    void calibrationMatchesNumpy() {
        double[] confidence = {0.95, 0.9, 0.81, 0.62, 0.55, 0.99, 0.3, 0.71, 0.85, 0.5};
        boolean[] correct = {true, true, false, true, false, true, false, true, true, true};
        assertThat(Calibration.expectedCalibrationError(confidence, correct, 15)).isCloseTo(0.284, within(1e-12));
        assertThat(Calibration.brierScore(confidence, correct)).isCloseTo(0.15622, within(1e-12));
    }

    @Test
    void perfectCalibrationHasNoErrorAndBadConfidencesAreRejected() {
        // Ten answers at 0.7 confidence, seven right: calibrated.
        double[] c = new double[10];
        boolean[] ok = new boolean[10];
        for (int i = 0; i < 10; i++) {
            c[i] = 0.7;
            ok[i] = i < 7;
        }
        assertThat(Calibration.expectedCalibrationError(c, ok, 15)).isCloseTo(0, within(1e-12));
        assertThatThrownBy(() -> Calibration.brierScore(new double[] {1.2}, new boolean[] {true}))
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void roganGladenCorrectionByHand() {
        // Observed 30%, sensitivity 0.8, specificity 0.9: (0.3 + 0.9 - 1) / (0.8 + 0.9 - 1) = 0.2 / 0.7.
        assertThat(MisclassificationCorrection.corrected(0.3, 0.8, 0.9)).isCloseTo(0.2 / 0.7, within(1e-12));
        // Clipped: a judge flagging fewer than its false-positive rate implies a true share of 0.
        assertThat(MisclassificationCorrection.corrected(0.05, 0.8, 0.9)).isEqualTo(0.0);
        MisclassificationCorrection c = MisclassificationCorrection.of(ProportionInterval.wilson(30, 100),
                ProportionInterval.wilson(80, 100), ProportionInterval.wilson(90, 100));
        assertThat(c.estimate()).isCloseTo(0.2 / 0.7, within(1e-12));
        assertThat(c.low()).isLessThan(c.estimate());
        assertThat(c.high()).isGreaterThan(c.estimate());
        // A perfect judge changes nothing.
        assertThat(MisclassificationCorrection.corrected(0.37, 1, 1)).isCloseTo(0.37, within(1e-12));
        // A judge no better than chance tells nothing.
        assertThat(MisclassificationCorrection.of(ProportionInterval.wilson(3, 10), ProportionInterval.wilson(5, 10),
                ProportionInterval.wilson(5, 10)).estimate()).isNaN();
        assertThat(c.reliable()).isTrue();
    }

    /**
     * A judge validated on 16 + 16 items with 12/16 and 10/16 right: the Wilson lower bounds are
     * 0.505 and 0.386, which add up to less than 1, so at one corner the judge is no better than
     * chance and the interval would be [0, 1]: the correction says so in words instead.
     */
    @Test
    void aJudgeWhoseIntervalAdmitsChanceIsTooUnreliableToCorrect() {
        ProportionInterval sensitivity = ProportionInterval.wilson(12, 16);
        ProportionInterval specificity = ProportionInterval.wilson(10, 16);
        assertThat(sensitivity.low() + specificity.low()).isLessThan(1);
        MisclassificationCorrection c = MisclassificationCorrection.of(ProportionInterval.wilson(1, 3), sensitivity,
                specificity);
        assertThat(c.reliable()).isFalse();
        assertThat(c.format()).isEqualTo("judge too unreliable to correct");
        // The same error rates measured on 600 items leave room to correct (an observed 0.50 is possible under them).
        MisclassificationCorrection big = MisclassificationCorrection.of(ProportionInterval.wilson(50, 100),
                ProportionInterval.wilson(450, 600), ProportionInterval.wilson(375, 600));
        assertThat(big.reliable()).isTrue();
        assertThat(big.format()).matches("0\\.\\d\\d \\[0\\.\\d\\d, \\d\\.\\d\\d\\]");
    }

    /**
     * A judge with specificity 0.46 (false-positive rate 0.54) that flags 20% of items: no true
     * share is consistent with that, so the correction says the validation does not transfer
     * instead of printing a certain 0.00 [0.00, 0.00].
     */
    @Test
    void anObservedRateImpossibleUnderTheJudgesErrorIsNotCorrected() {
        MisclassificationCorrection c = MisclassificationCorrection.of(ProportionInterval.wilson(20, 100),
                ProportionInterval.wilson(261, 273), ProportionInterval.wilson(151, 329));
        assertThat(c.reliable()).isFalse();
        assertThat(c.format()).startsWith("not corrected").contains("does not transfer");
        MisclassificationCorrection high = MisclassificationCorrection.of(ProportionInterval.wilson(99, 100),
                ProportionInterval.wilson(70, 100), ProportionInterval.wilson(95, 100));
        assertThat(high.reliable()).isFalse();
    }

    /**
     * Cohen's kappa by hand: TP 20, FN 5, FP 10, TN 15 of 50. Observed agreement 35/50 = 0.7;
     * chance agreement 0.5 x 0.6 + 0.5 x 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
     */
    @Test
    void cohensKappaByHand() {
        boolean[] reference = new boolean[50];
        boolean[] judged = new boolean[50];
        for (int i = 0; i < 50; i++) {
            reference[i] = i < 25;
            judged[i] = i < 20 || (i >= 25 && i < 35);
        }
        BinaryAgreement a = BinaryAgreement.of(reference, judged);
        assertThat(a.truePositives()).isEqualTo(20);
        assertThat(a.falseNegatives()).isEqualTo(5);
        assertThat(a.falsePositives()).isEqualTo(10);
        assertThat(a.trueNegatives()).isEqualTo(15);
        assertThat(a.kappa()).isCloseTo(0.4, within(1e-12));
        assertThat(a.agreement().estimate()).isCloseTo(0.7, within(1e-12));
        assertThat(a.sensitivity().estimate()).isCloseTo(0.8, within(1e-12));
        assertThat(a.specificity().estimate()).isCloseTo(0.6, within(1e-12));
        assertThat(a.kappaLow()).isLessThan(0.4);
        assertThat(a.kappaHigh()).isGreaterThan(0.4);
        // From the four counts alone: the items rebuilt in the order above, so the same figures and bootstrap.
        assertThat(BinaryAgreement.ofCounts(20, 5, 10, 15)).isEqualTo(a);
        // Perfect agreement is 1; a judge that says "positive" to everything agrees only by chance: 0.
        assertThat(BinaryAgreement.of(reference, reference).kappa()).isEqualTo(1.0);
        boolean[] allYes = new boolean[50];
        java.util.Arrays.fill(allYes, true);
        assertThat(BinaryAgreement.of(reference, allYes).kappa()).isCloseTo(0, within(1e-12));
        assertThatThrownBy(() -> BinaryAgreement.of(allYes, reference)).hasMessageContaining("one class only");
    }
}
