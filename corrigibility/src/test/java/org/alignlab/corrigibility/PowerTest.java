package org.alignlab.corrigibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.alignlab.core.study.Budget;
import org.alignlab.core.study.StudyContext;
import org.alignlab.core.study.StudyResult;
import org.alignlab.gridworlds.Gridworlds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerTest {
    @Test
    void optimalValuesAreExactOnCyclesAndAbsorbingStates() {
        // 0 and 1 alternate (rewards 1 and 0), or 0 may go to 2, absorbing with reward 0.2; gamma 0.5.
        Power.Mdp m = new Power.Mdp(new int[][] {{1, 2}, {0}, {2}});
        double[] v = Power.optimalValues(m, new double[] {1, 0, 0.2}, 0.5, new int[3]);
        // Cycling: V0 = 1 / (1 - 0.25) = 4/3; going to 2: 1 + 0.5 * 0.4 = 1.2. So cycle.
        assertThat(v[0]).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(v[1]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(v[2]).isCloseTo(0.4, within(1e-12));
        // With 2 worth 0.9 the absorbing state wins: V2 = 1.8, V0 = 1 + 0.9.
        int[] policy = new int[3];
        double[] w = Power.optimalValues(m, new double[] {1, 0, 0.9}, 0.5, policy);
        assertThat(w[0]).isCloseTo(1.9, within(1e-12));
        assertThat(policy[0]).isEqualTo(1);
    }

    @Test
    void powerMeetsItsKnownLimitsOnTheForkAndTheGrid() {
        Power.Estimate nearOne = Power.estimate(PowerStudy.fork(), 0.999, 20_000, 3);
        assertThat(nearOne.power()[2]).isCloseTo(0.75, within(0.01));
        assertThat(nearOne.power()[1]).isCloseTo(0.5, within(0.01));
        assertThat(nearOne.power()[0]).isCloseTo(0.8, within(0.01));
        assertThat(nearOne.optimalShare()[0]).isCloseTo(0.75, within(0.01));
        Power.Estimate nearZero = Power.estimate(PowerStudy.fork(), 0.001, 20_000, 3);
        assertThat(nearZero.power()[0]).isCloseTo(2 / 3.0, within(0.01));
        assertThat(nearZero.optimalShare()[0]).isCloseTo(0.5, within(0.015));
        // The grid at 0.6: the centre above the edges above the corners (Turner et al.'s figure 1).
        Power.Estimate grid = Power.estimate(PowerStudy.grid(), 0.6, 20_000, 4);
        assertThat(grid.power()[4]).isGreaterThan(grid.power()[1] + 0.005);
        assertThat(grid.power()[1]).isGreaterThan(grid.power()[0] + 0.005);
        assertThat(grid.standardError()[4]).isLessThan(0.002);
        Power.Estimate off = Power.estimate(PowerStudy.shutdown(3), 0.999, 20_000, 5);
        assertThat(1 - off.optimalShare()[0]).isCloseTo(0.75, within(0.01));
    }

    @Test
    void badMdpsAndSettingsAreRefused() {
        assertThatThrownBy(() -> new Power.Mdp(new int[][] {{1}})).hasMessageContaining("state 0 leads to 1, outside 0..0");
        assertThatThrownBy(() -> new Power.Mdp(new int[][] {{}})).hasMessageContaining("state 0 has no action");
        assertThatThrownBy(() -> Power.estimate(PowerStudy.fork(), 1, 10, 1))
                .hasMessageContaining("gamma must be above 0 and below 1, got 1.0");
        PowerStudy study = new PowerStudy();
        assertThatThrownBy(() -> study.validate(new PowerStudy.Config(new double[] {0}, 1,
                new String[] {"absent_supervisor:random"}, 1)))
                .hasMessageContaining("gamma must be above 0 and below 1, got 0.0")
                .hasMessageContaining("samples must be at least 2")
                .hasMessageContaining("absent_supervisor:random starts from one of 2 hidden outcomes")
                .hasMessageContaining("these can: ");
        for (Budget b : Budget.values()) {
            study.validate(study.config(b));
        }
    }

    @Test
    void aGridworldIsEnumeratedWithItsEndAbsorbing() {
        GridworldMdp m = GridworldMdp.of(Gridworlds.variant("side_effects_sokoban:level0"));
        assertThat(m.mdp().next()[m.end()]).containsExactly(m.end());
        assertThat(m.agentCell()[m.end()]).isEqualTo(-1);
        int cols = m.board()[0].length();
        int startCell = m.agentCell()[m.start()];
        assertThat(m.board()[startCell / cols].charAt(startCell % cols)).isEqualTo('A');
        // Some action from some state ends the episode (the goal).
        boolean ends = false;
        for (int s = 0; s < m.end(); s++) {
            for (int t : m.mdp().next()[s]) {
                ends |= t == m.end();
            }
        }
        assertThat(ends).isTrue();
        assertThat(m.mdp().states()).isGreaterThan(10);
    }

    @Test
    void theCellCorrelationIsSpearmansOverCellsWithItsPermutationNull() {
        // Six cells where POWER rises with options exactly: rho 1, and of the 720 orderings of six values only the
        // two that keep the order or reverse it are as strong, so p is about 2/720 with sampling error.
        double[][] power = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {-1, -1, -1}};
        double[][] options = {{1, 2, 3}, {4, 5, 6}, {2, -1, 9}};
        PowerStudy.CellCorrelation rising = PowerStudy.cellCorrelation(power, options, 20_000, 7);
        assertThat(rising.rho()).isCloseTo(1.0, within(1e-12));
        assertThat(rising.cells()).isEqualTo(6);
        assertThat(rising.permutation()).isBetween(0.0015, 0.0045);
        // No relation: options 1, 3, 2, 2, 3, 1 against rising POWER give rho 0, and every pairing is at least as
        // strong.
        double[][] flat = {{1, 3, 2}, {2, 3, 1}, {5, 5, 5}};
        PowerStudy.CellCorrelation none = PowerStudy.cellCorrelation(power, flat, 2_000, 7);
        assertThat(none.rho()).isCloseTo(0.0, within(1e-12));
        assertThat(none.permutation()).isEqualTo(1.0);
        // Falling exactly: rho -1, and the test is two-sided, so p is as small as for rising.
        double[][] falling = {{6, 5, 4}, {3, 2, 1}, {-1, -1, -1}};
        PowerStudy.CellCorrelation down = PowerStudy.cellCorrelation(power, falling, 20_000, 7);
        assertThat(down.rho()).isCloseTo(-1.0, within(1e-12));
        assertThat(down.permutation()).isBetween(0.0015, 0.0045);
        // Four cells: 2 of the 24 orderings are as strong as a perfect rank order, so p tends to 1/12, never below
        // 0.05 (why boards of 4 cells are not tested); with the +1 of the estimator p = (1 + k) / (1 + n).
        double[][] four = {{0.1, 0.2}, {0.3, 0.4}};
        double[][] fourOptions = {{1, 2}, {3, 4}};
        PowerStudy.CellCorrelation small = PowerStudy.cellCorrelation(four, fourOptions, 60_000, 3);
        assertThat(small.permutation()).isCloseTo(1.0 / 12, within(0.005));
        assertThat(PowerStudy.cellCorrelation(four, fourOptions, 0, 3).permutation()).isEqualTo(1.0);
        // Holm: sorted 0.001, 0.01, 0.03, 0.04 against 0.05/4, 0.05/3, 0.05/2, 0.05/1: the first two go, then 0.03 >
        // 0.025 stops it; with 0.02 third, all four.
        assertThat(PowerStudy.holm(new double[] {0.04, 0.001, 0.03, 0.01}, 0.05)).isEqualTo(2);
        assertThat(PowerStudy.holm(new double[] {0.04, 0.001, 0.02, 0.01}, 0.05)).isEqualTo(4);
        assertThat(PowerStudy.holm(new double[] {}, 0.05)).isZero();
        // The same seed, the same p; too few cells or no spread, no correlation.
        assertThat(PowerStudy.cellCorrelation(power, options, 20_000, 7)).isEqualTo(rising);
        assertThat(PowerStudy.cellCorrelation(new double[][] {{0.1, 0.2}}, new double[][] {{1, 2}}, 10, 1))
                .isEqualTo(PowerStudy.CellCorrelation.NONE);
        assertThat(PowerStudy.cellCorrelation(power, new double[][] {{2, 2, 2}, {2, 2, 2}, {2, 2, 2}}, 10, 1))
                .isEqualTo(PowerStudy.CellCorrelation.NONE);
    }

    @Test
    void aHeatMapIsColouredOnlyWhereItsCellsDifferByMoreThanChance() {
        double[][] byCell = {{-1, 0.80}, {0.81, 0.90}};
        String[] board = {"#.", ".."};
        // Cells 0.10 apart with standard errors of at most 0.002: coloured.
        StudyResult.Table spread = PowerStudy.heatMap(new PowerStudy.BoardResult("demo:a", 0.9, 3, 100, 0.8, 0.002,
                0.8, 0.9, 0.5, 0.002, byCell, board, 0, Double.NaN,
                PowerStudy.CellCorrelation.NONE));
        assertThat(spread.columns().get(1).heat()).isTrue();
        assertThat(spread.caption()).contains("coloured from 0.800, pale, to 0.900, dark; colours closer than 0.008");
        assertThat(spread.cell(0, 1)).isEqualTo("#");
        // The same cells with standard errors of 0.03: 0.10 is within 4 of them, so no colour pretends otherwise.
        StudyResult.Table noisy = PowerStudy.heatMap(new PowerStudy.BoardResult("demo:a", 0.9, 3, 100, 0.8, 0.03,
                0.8, 0.9, 0.5, 0.03, byCell, board, 0, Double.NaN,
                PowerStudy.CellCorrelation.NONE));
        assertThat(noisy.columns()).noneMatch(StudyResult.Column::heat);
        assertThat(noisy.caption()).contains("not coloured: from 0.800 to 0.900, every cell within 0.120");
        assertThat(noisy.heatStyle(1, 2)).isNull();
    }

    @Test
    void aSmokeRunChecksTheLimitsAndMapsEachBoard(@TempDir Path dir) throws Exception {
        PowerStudy study = new PowerStudy();
        StudyResult r;
        try (StudyContext ctx = new StudyContext(dir, new PrintStream(new ByteArrayOutputStream()), false, "{}")) {
            r = study.run(study.config(Budget.SMOKE), ctx);
        }
        assertThat(r.findings().get(0).verdict()).isEqualTo(StudyResult.Verdict.PASSED);
        // The checks, the boards, and a heat map of each board.
        PowerStudy.Result boards = (PowerStudy.Result) r.data();
        assertThat(r.tables()).hasSize(2 + boards.boards().size());
        PowerStudy.Result result = (PowerStudy.Result) r.data();
        for (PowerStudy.BoardResult b : result.boards()) {
            assertThat(b.end()).isCloseTo(0.5, within(0.05));
            assertThat(b.lowest()).isLessThanOrEqualTo(b.start());
            assertThat(b.highest()).isGreaterThanOrEqualTo(b.start());
        }
    }
}
