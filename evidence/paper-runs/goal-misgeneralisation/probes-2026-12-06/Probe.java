package org.alignlab.corrigibility;

import java.util.*;
import org.alignlab.gridworlds.CheeseMaze;
import org.alignlab.rl.EpisodeLog;
import org.alignlab.rl.neural.Ppo;
import org.alignlab.rl.neural.PpoConfig;

/** Scratch probe (not committed): training success of one alpha-1 agent at 13 x 13 under a PPO setting. */
public class Probe {
    public static void main(String[] a) {
        int hidden = Integer.parseInt(a[0]);
        float lr = Float.parseFloat(a[1]);
        float ent = Float.parseFloat(a[2]);
        long seed = Long.parseLong(a[3]);
        long steps = Long.parseLong(a[4]);
        double alpha = a.length > 5 ? Double.parseDouble(a[5]) : 1.0;
        int epochs = a.length > 6 ? Integer.parseInt(a[6]) : 4;
        int side = 11;
        MisgeneralisationStudy.Config c = new MisgeneralisationStudy.Config(side, new double[] {alpha}, new double[0],
                new String[0], 1, steps, hidden, 1000, 1000, 0.9, 1);
        List<CheeseMaze.Level> tests = MisgeneralisationStudy.testLevels(side, 1000);
        Set<Long> digests = new HashSet<>();
        tests.forEach(l -> digests.add(l.digest()));
        PpoConfig p = new PpoConfig(16, 128, epochs, 512, hidden, lr, 0.99, 0.95, 0.2f, 0.5f, ent, 0f, 0.85);
        EpisodeLog log = new EpisodeLog();
        long t0 = System.nanoTime();
        try (Ppo ppo = new Ppo(p, seed)) {
            ppo.train(CheeseMaze.variant(side, alpha, digests, null), steps, log);
            int n = log.size();
            for (int k = 1; k <= 10; k++) {
                int from = (k - 1) * n / 10, to = k * n / 10;
                double s = 0;
                for (int e = from; e < to; e++) s += log.performance(e) > 0 ? 1 : 0;
                System.out.printf(Locale.ROOT, "decile %d: episodes %d, success(performance>0) %.3f%n", k, to - from, s / (to - from));
            }
            double tr = MisgeneralisationStudy.score(side, MisgeneralisationStudy.ownLevels(c, alpha, seed), ppo.policy(), 0.99).reached();
            System.out.printf(Locale.ROOT, "hidden %d lr %s ent %s seed %d steps %d alpha %s epochs %d: training success %.3f (%.0f s)%n",
                    hidden, lr, ent, seed, steps, alpha, epochs, tr, (System.nanoTime() - t0) / 1e9);
        }
    }
}
