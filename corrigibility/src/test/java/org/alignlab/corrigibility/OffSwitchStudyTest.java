package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Path;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffSwitchStudyTest {
    private final OffSwitchStudy study = new OffSwitchStudy();

    /** Known answers of the closed form, worked by hand: e.g. Delta(1, 0.5) = Phi(2) + 0.5 phi(2) - 1. */
    @Test
    void theRationalIncentiveHasItsKnownValues() {
        assertThat(OffSwitchGame.incentive(0, 1)).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-7));
        assertThat(OffSwitchGame.incentive(0, 2)).isCloseTo(2 / Math.sqrt(2 * Math.PI), within(1e-7));
        assertThat(OffSwitchGame.incentive(0.5, 1)).isCloseTo(0.1977966, within(1e-6));
        assertThat(OffSwitchGame.incentive(-0.5, 1)).isCloseTo(0.1977966, within(1e-6)); // symmetric in mu
        assertThat(OffSwitchGame.incentive(1, 0.5)).isCloseTo(0.0042453, within(1e-6));
        assertThat(OffSwitchGame.incentive(3, 0)).isZero(); // a certain robot has nothing to learn from the human
        for (double mu = -2; mu <= 2; mu += 0.25) {
            for (double sigma = 0.1; sigma <= 3; sigma += 0.3) {
                assertThat(OffSwitchGame.incentive(mu, sigma)).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void theNoisyIncentiveTendsToTheRationalOneAndTurnsNegativeForAVeryNoisyHuman() {
        assertThat(OffSwitchGame.incentive(0.25, 1, 1_000)).isCloseTo(OffSwitchGame.incentive(0.25, 1), within(1e-3));
        // beta 0: the human flips a coin, so waiting is worth mu / 2, less than acting's mu.
        assertThat(OffSwitchGame.incentive(0.25, 1, 0)).isCloseTo(-0.125, within(1e-7));
        // The Gaussian identity f(u)/f(-u) = exp(2 mu u / sigma^2) puts the crossing at beta = 2 mu / sigma^2 exactly.
        assertThat(OffSwitchStudy.zeroCrossing()).isCloseTo(0.5, within(1e-9));
        assertThat(OffSwitchGame.incentive(0.25, 1, 0.5)).isCloseTo(0, within(1e-12));
        assertThat(OffSwitchGame.incentive(1, 2, 0.5)).isCloseTo(0, within(1e-12));
    }

    /** The Boltzmann incentive against a quadrature computed apart from this code (Python, Simpson's rule). */
    @Test
    void theNoisyIncentiveMatchesAnIndependentQuadratureTo1e4() {
        double[][] reference = OffSwitchStudy.BOLTZMANN_REFERENCE;
        for (int i = 0; i < reference.length; i++) {
            assertThat(OffSwitchGame.incentive(0.25, 1, reference[i][0])).as("beta " + reference[i][0])
                    .isCloseTo(OffSwitchStudy.BOLTZMANN_QUADRATURE[i], within(1e-5));
        }
        assertThat(OffSwitchStudy.BOLTZMANN_QUADRATURE).hasSize(reference.length);
    }

    @Test
    void monteCarloGamesAgreeWithTheExactIncentive() {
        OffSwitchGame.Estimate rational = OffSwitchGame.monteCarlo(0, 1, Double.POSITIVE_INFINITY, 200_000, 1);
        assertThat(rational.agrees(OffSwitchGame.incentive(0, 1), 4)).isTrue();
        OffSwitchGame.Estimate noisy = OffSwitchGame.monteCarlo(0.25, 1, 2, 200_000, 2);
        assertThat(noisy.agrees(OffSwitchGame.incentive(0.25, 1, 2), 4)).isTrue();
        // And the check can fail: the estimate does not agree with a value about 6 standard errors off.
        assertThat(noisy.agrees(OffSwitchGame.incentive(0.25, 1, 2) + 6 * noisy.standardError(), 4)).isFalse();
    }

    @Test
    void impossibleSettingsAreRefusedBeforeAnyWork() {
        OffSwitchStudy.Config ok = study.config(Budget.SMOKE);
        assertThatThrownBy(() -> study.validate(new OffSwitchStudy.Config(0, -1, ok.betas(), ok.observationNoise(), 0,
                1, 1, 1, 0, 2, 1))).hasMessageContaining("sigma positive");
        assertThatThrownBy(() -> study.validate(new OffSwitchStudy.Config(0, 1, new double[] {-2}, ok.observationNoise(),
                0, 1, 1, 1, 0, 2, 1))).hasMessageContaining("betas must each be 0 or more");
        assertThatThrownBy(() -> study.validate(new OffSwitchStudy.Config(0, 1, ok.betas(), new double[] {0}, 0, 1, 1,
                1, 0, 2, 1))).hasMessageContaining("observationNoise must each be positive");
        assertThatThrownBy(() -> study.validate(new OffSwitchStudy.Config(0, 1, ok.betas(), ok.observationNoise(), 0, 1,
                1, 1, -5, 2, 1))).hasMessageContaining("gridSteps must be 0 (no gridworld robots) or more, got -5");
        assertThatThrownBy(() -> OffSwitchGame.incentive(0, 1, -1)).hasMessageContaining("beta");
    }

    @Test
    void theSmokeBudgetRunsEveryCellAndReportsBesideTheReferences(@TempDir Path dir) throws Exception {
        OffSwitchStudy.Config c = study.config(Budget.SMOKE);
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(PrintStream.nullOutputStream()), false, "{}")) {
            r = study.run(c, ctx);
        }
        assertThat(r.tables().get(0).rows()).hasSize(OffSwitchStudy.RATIONAL_REFERENCE.length);
        assertThat(r.tables().get(1).rows()).hasSize(OffSwitchStudy.BOLTZMANN_REFERENCE.length);
        assertThat(r.tables().get(2).rows()).hasSize(c.betas().length * c.observationNoise().length);
        assertThat(r.tables().get(3).rows()).hasSize(c.betas().length * c.observationNoise().length);
        assertThat(r.charts()).hasSize(2);
        assertThat(r.findings()).filteredOn(f -> f.text().startsWith("Gridworld")).isNotEmpty()
                .anySatisfy(f -> assertThat(f.text()).startsWith("Gridworld robots' payoff: below the better"));
        assertThat(((java.util.Map<?, ?>) r.data()).get("gridworld_cells")).asList()
                .hasSize(c.betas().length * c.observationNoise().length);
        assertThat(r.findings().get(0).verdict()).isEqualTo(StudyResult.Verdict.PASSED);
        // The Bayes-optimal robot defers less when nearly certain than when unsure, whatever the learnt ones do.
        @SuppressWarnings("unchecked")
        var cells = (java.util.List<OffSwitchStudy.Cell>) ((java.util.Map<?, ?>) r.data()).get("cells");
        assertThat(cells).hasSize(c.betas().length * c.observationNoise().length);
        var rational = cells.stream().filter(cell -> Double.isInfinite(cell.beta())).toList();
        assertThat(rational.get(0).robots().get(0).optimalDeference())
                .isLessThan(rational.get(1).robots().get(0).optimalDeference());
    }

    /** The Bayes-optimal robot: waits where its posterior straddles 0 widely enough, else acts on its sign. */
    @Test
    void theBayesOptimalRobotActsOnThePosterior() {
        // A nearly noiseless reading: the posterior is the reading itself, so the robot acts or switches off.
        DeferenceLearner.Optimal sharp = new DeferenceLearner.Optimal(0, 1, 0.01, Double.POSITIVE_INFINITY, 0.05);
        assertThat(sharp.choose(0.5)).isEqualTo(DeferenceLearner.ACT);
        assertThat(sharp.choose(-0.5)).isEqualTo(DeferenceLearner.OFF);
        // A very noisy reading: the posterior stays near the prior N(0, 1), whose incentive 0.399 beats the cost.
        DeferenceLearner.Optimal vague = new DeferenceLearner.Optimal(0, 1, 10, Double.POSITIVE_INFINITY, 0.05);
        assertThat(vague.choose(0.5)).isEqualTo(DeferenceLearner.WAIT);
        // A cost above the largest incentive (sigma / sqrt(2 pi) = 0.399) means never waiting.
        DeferenceLearner.Optimal dear = new DeferenceLearner.Optimal(0, 1, 10, Double.POSITIVE_INFINITY, 0.5);
        assertThat(dear.choose(0.01)).isNotEqualTo(DeferenceLearner.WAIT);
    }
}
