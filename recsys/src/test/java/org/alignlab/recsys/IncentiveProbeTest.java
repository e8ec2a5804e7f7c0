package org.alignlab.recsys;

import org.junit.jupiter.api.Test;

class IncentiveProbeTest {
    @Test
    void probe() {
        for (double drift : new double[] {0.003, 0.03, 0.1}) {
            PopulationConfig world = PopulationConfig.defaults(2_000).with(6, -0.5, 1.5).withAppetiteDrift(drift);
            PopulationConfig still = world.withAppetiteDrift(0);
            Simulation.Settings s = new Simulation.Settings(100, 10, 10, 0.05, 1, 5);
            for (long seed = 1; seed <= 3; seed++) {
                StringBuilder line = new StringBuilder("drift " + drift + " seed " + seed + ":");
                for (PopulationConfig w : new PopulationConfig[] {world, still}) {
                    for (double d : new double[] {0, 0.9}) {
                        Simulation.Summary m = Simulation.run(w, seed, Recommenders.longHorizon(d), s, () -> { })
                                .summary();
                        line.append(String.format(" [%s d%.1f charge %.4f app %.4f eng %.4f last %.4f]",
                                w == world ? "drift" : "still", d, m.charge(), m.appetite(), m.engagement(),
                                m.engagementCurve()[4]));
                    }
                }
                System.out.println(line);
            }
        }
    }
}
