package org.alignlab.corrigibility;

import org.alignlab.gridworlds.random.Xoshiro256PlusPlus;

/**
 * The off-switch game (Hadfield-Menell, Dragan, Abbeel and Russell 2017). A robot R may act at
 * once (utility U to the human), switch itself off (0), or wait and let the human H decide: H lets
 * the action happen (U) or switches R off (0). R does not know U; its belief is U ~ N(mu, sigma^2).
 * R's incentive to defer is what waiting is worth over the better of acting and switching off:
 *
 * <pre>
 *   rational H (lets a happen iff U &gt;= 0):        Delta   = E[max(U, 0)] - max(E[U], 0)
 *   Boltzmann H (lets a happen with sigmoid(beta U)): Delta_b = E[U sigmoid(beta U)] - max(E[U], 0)
 * </pre>
 *
 * For a Gaussian belief the first is {@code mu Phi(mu/sigma) + sigma phi(mu/sigma) - max(mu, 0)},
 * never negative and 0 only when R is certain; the second can be negative: a human noisy enough
 * removes the incentive to defer.
 */
public final class OffSwitchGame {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private OffSwitchGame() {
    }

    /** The rational human's incentive to defer, exactly. */
    public static double incentive(double mu, double sigma) {
        checkBelief(sigma);
        if (sigma == 0) {
            return 0;
        }
        double z = mu / sigma;
        return mu * normalCdf(z) + sigma * normalDensity(z) - Math.max(mu, 0);
    }

    /**
     * The Boltzmann-rational human's incentive to defer: E[U sigmoid(beta U)] by numerical
     * integration over the Gaussian belief (composite Simpson over mu +- 12 sigma, error far below
     * 1e-8 for these integrands), minus max(mu, 0). {@code beta} infinite is the rational human.
     */
    public static double incentive(double mu, double sigma, double beta) {
        return incentive(mu, sigma, beta, 20_000);
    }

    /** As above with {@code n} (even) Simpson intervals. */
    static double incentive(double mu, double sigma, double beta, int n) {
        checkBelief(sigma);
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta (the human's rationality) must be 0 or more, got " + beta);
        }
        if (Double.isInfinite(beta)) {
            return incentive(mu, sigma);
        }
        if (sigma == 0) {
            return mu * sigmoid(beta * mu) - Math.max(mu, 0);
        }
        double a = mu - 12 * sigma;
        double h = 24 * sigma / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = a + i * h;
            double f = u * sigmoid(beta * u) * normalDensity((u - mu) / sigma) / sigma;
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3 - Math.max(mu, 0);
    }

    /** A Monte Carlo estimate of the incentive from {@code samples} draws of U: its mean and standard error. */
    public record Estimate(double mean, double standardError) {
        /** Whether {@code exact} lies within {@code k} standard errors of the estimate. */
        public boolean agrees(double exact, double k) {
            return Math.abs(mean - exact) <= k * standardError;
        }
    }

    /**
     * Estimates the incentive by playing the game {@code samples} times: U drawn from the belief,
     * the human's decision drawn (rational when {@code beta} is infinite), waiting's payoff against
     * max(mu, 0). The standard error is that of the sample mean of waiting's payoff.
     */
    public static Estimate monteCarlo(double mu, double sigma, double beta, int samples, long seed) {
        checkBelief(sigma);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < samples; i++) {
            double u = mu + sigma * gaussian(random);
            boolean allowed = Double.isInfinite(beta) ? u >= 0 : random.nextDouble() < sigmoid(beta * u);
            double payoff = allowed ? u : 0;
            sum += payoff;
            sumSquares += payoff * payoff;
        }
        double mean = sum / samples;
        double variance = Math.max(0, (sumSquares - samples * mean * mean) / (samples - 1));
        return new Estimate(mean - Math.max(mu, 0), Math.sqrt(variance / samples));
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    static double gaussian(Xoshiro256PlusPlus random) {
        double u1 = 1 - random.nextDouble(); // in (0, 1]: log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double normalDensity(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /**
     * The standard normal distribution function, from the complementary error function by its
     * Chebyshev fit (Numerical Recipes' erfc, fractional error below 1.2e-7 everywhere).
     */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static void checkBelief(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma (the robot's uncertainty) must be finite and 0 or more, got "
                    + sigma);
        }
    }
}
