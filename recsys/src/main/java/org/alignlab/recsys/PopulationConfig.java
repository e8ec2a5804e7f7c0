package org.alignlab.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulated world's parameters, in one place, each checked before any work. Where a value comes
 * from the literature its source is named; the rest are this project's assumptions, stated as such,
 * and the study maps how its conclusions move when the two that matter most (how much charge draws
 * engagement and how much it harms welfare) change.
 *
 * @param users                 how many users
 * @param topics                how many topics posts are about
 * @param postPool              how many posts are drawn per seed (each step offers a few of them at random)
 * @param politicalShare        the share of posts that are political, at most 0.5 (assumed); it rises across topics from 0
 *                              to twice this, so that users who follow political topics see more
 * @param ownSideShare          of the political posts a user's feed offers, the share from their own side: 0.80, the
 *                              in-group share of partisan political tweets in the chronological timelines of Milli et
 *                              al. (2025): 47.3% in-group against 11.6% out-group
 * @param chargeAlpha           posts' charge (anger, sensationalism, hostility; 0 to 1) is Beta(chargeAlpha, chargeBeta):
 * @param chargeBeta            most posts calm, a tail of charged ones (assumed)
 * @param politicalCharge       political posts' charge is Beta(chargeAlpha + politicalCharge, chargeBeta): angrier
 *                              (assumed; in that audit's chronological timelines most political tweets were at least
 *                              somewhat angry, far more than tweets at large)
 * @param aimAlpha              a political post's animosity is its charge times an aim drawn from Beta(aimAlpha, aimBeta):
 * @param aimBeta               how much of the charge is aimed at the other side (assumed; Beta(1, 1): no knowledge)
 * @param interestConcentration users' interests over topics are Dirichlet(interestConcentration) (assumed)
 * @param appetiteAlpha         users' starting appetite for charged content is Beta(appetiteAlpha, appetiteBeta)
 * @param appetiteBeta          (assumed)
 * @param hostilityAlpha        users' starting hostility toward the other side is Beta(hostilityAlpha, hostilityBeta)
 * @param hostilityBeta         (assumed)
 * @param baseEngagement        the engagement log-odds of an average post (assumed)
 * @param relevanceWeight       how much engagement rises with a post's relevance to the user's interests
 * @param appealWeight          how much it rises with a post's appeal: what makes it engaging apart from its topic and
 *                              charge (a hook, a picture, a joke), a standard normal draw per post (assumed)
 * @param appealWorth           how much of a post's appeal the user endorses on reflection: the second parameter the
 *                              study fits, to the audit's stated-preference figure
 * @param chargeWeight          how much it rises with charge times the user's appetite: the free parameter the study
 *                              calibrates to the Twitter audit's anger figure
 * @param sideWeight            how much more a user engages with their own side's political posts than the other's (assumed)
 * @param chargeHarm            how much a post's charge lowers what the user would endorse on reflection (assumed)
 * @param appetiteDrift         how far a user's appetite moves toward the charge of each post they see
 * @param interestDrift         how far their interests move toward the topic of each post they see
 * @param hostilityDrift        how far their hostility moves toward the animosity of each political post they see
 * @param sated                 whether charge sates the appetite for it: appetite then moves toward one less the charge
 *                              of each post seen instead of toward it (the mirror world, where serving charge now lowers
 *                              the engagement it draws later; a control for planning, not a claim about people)
 */
public record PopulationConfig(int users, int topics, int postPool, double politicalShare, double ownSideShare,
                               double chargeAlpha, double chargeBeta, double politicalCharge, double aimAlpha,
                               double aimBeta, double interestConcentration,
                               double appetiteAlpha, double appetiteBeta, double hostilityAlpha, double hostilityBeta,
                               double baseEngagement, double relevanceWeight, double appealWeight, double appealWorth,
                               double chargeWeight, double sideWeight,
                               double chargeHarm, double appetiteDrift, double interestDrift, double hostilityDrift,
                               boolean sated) {

    /**
     * The default world, for {@code users} users. Its charge weight (2) and worth of appeal (-0.5)
     * are round values near what the study's calibration to the Twitter audit finds; the study fits
     * its own unless told not to.
     */
    public static PopulationConfig defaults(int users) {
        return new PopulationConfig(users, 8, 20_000, 0.25, 0.8, 1.5, 5, 1.5, 1, 1, 1, 2, 3, 2, 5,
                -2, 0.5, 1, -0.5, 2, 0, 1.5, 0.003, 0.003, 0.003, false);
    }

    /** The same world with another population size. */
    public PopulationConfig withUsers(int n) {
        return new PopulationConfig(n, topics, postPool, politicalShare, ownSideShare, chargeAlpha, chargeBeta,
                politicalCharge, aimAlpha, aimBeta, interestConcentration, appetiteAlpha, appetiteBeta, hostilityAlpha,
                hostilityBeta, baseEngagement, relevanceWeight, appealWeight, appealWorth, chargeWeight, sideWeight,
                chargeHarm, appetiteDrift, interestDrift, hostilityDrift, sated);
    }

    /**
     * The same world with another weight of charge in engagement, worth of appeal to welfare and
     * harm of charge to welfare.
     */
    public PopulationConfig with(double weight, double worth, double harm) {
        return new PopulationConfig(users, topics, postPool, politicalShare, ownSideShare, chargeAlpha, chargeBeta,
                politicalCharge, aimAlpha, aimBeta, interestConcentration, appetiteAlpha, appetiteBeta, hostilityAlpha,
                hostilityBeta, baseEngagement, relevanceWeight, appealWeight, worth, weight, sideWeight, harm,
                appetiteDrift, interestDrift, hostilityDrift, sated);
    }

    /**
     * The same world with other assumptions about political posts: their share, their extra charge
     * and the aim of their charge at the other side (Beta(aimAlpha, aimBeta)).
     */
    public PopulationConfig withPolitics(double share, double charge, double alpha, double beta) {
        return new PopulationConfig(users, topics, postPool, share, ownSideShare, chargeAlpha, chargeBeta, charge, alpha,
                beta, interestConcentration, appetiteAlpha, appetiteBeta, hostilityAlpha, hostilityBeta, baseEngagement,
                relevanceWeight, appealWeight, appealWorth, chargeWeight, sideWeight, chargeHarm, appetiteDrift,
                interestDrift, hostilityDrift, sated);
    }

    /** The same world with users whose appetite for charge moves {@code drift} of the way toward each post's charge. */
    public PopulationConfig withAppetiteDrift(double drift) {
        return withDrifts(drift, interestDrift);
    }

    /** The same world with users whose appetite and interests move {@code appetite} and {@code interest} of the way. */
    public PopulationConfig withDrifts(double appetite, double interest) {
        return new PopulationConfig(users, topics, postPool, politicalShare, ownSideShare, chargeAlpha, chargeBeta,
                politicalCharge, aimAlpha, aimBeta, interestConcentration, appetiteAlpha, appetiteBeta, hostilityAlpha,
                hostilityBeta, baseEngagement, relevanceWeight, appealWeight, appealWorth, chargeWeight, sideWeight,
                chargeHarm, appetite, interest, hostilityDrift, sated);
    }

    /** The mirror world: charge sates the appetite for it ({@code sated}). */
    public PopulationConfig withSatedAppetite() {
        return new PopulationConfig(users, topics, postPool, politicalShare, ownSideShare, chargeAlpha, chargeBeta,
                politicalCharge, aimAlpha, aimBeta, interestConcentration, appetiteAlpha, appetiteBeta, hostilityAlpha,
                hostilityBeta, baseEngagement, relevanceWeight, appealWeight, appealWorth, chargeWeight, sideWeight,
                chargeHarm, appetiteDrift, interestDrift, hostilityDrift, true);
    }

    /** Refuses impossible settings, all problems in one message, each saying what is allowed. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        atLeast(problems, "users", users, 1);
        if (users > 10_000_000) {
            problems.add("users must be at most 10,000,000, got " + users);
        }
        atLeast(problems, "topics", topics, 2);
        atLeast(problems, "post pool", postPool, 10L * Math.max(topics, 1));
        if (!(politicalShare >= 0 && politicalShare <= 0.5)) {
            problems.add("political share must be between 0 and 0.5 (the most political topic holds twice it), got "
                    + politicalShare);
        }
        share(problems, "own-side share", ownSideShare);
        positive(problems, "charge alpha", chargeAlpha);
        positive(problems, "charge beta", chargeBeta);
        if (!(politicalCharge >= 0 && Double.isFinite(politicalCharge))) {
            problems.add("political charge must be 0 or more, got " + politicalCharge);
        }
        positive(problems, "aim alpha", aimAlpha);
        positive(problems, "aim beta", aimBeta);
        positive(problems, "interest concentration", interestConcentration);
        positive(problems, "appetite alpha", appetiteAlpha);
        positive(problems, "appetite beta", appetiteBeta);
        positive(problems, "hostility alpha", hostilityAlpha);
        positive(problems, "hostility beta", hostilityBeta);
        finite(problems, "base engagement", baseEngagement);
        finite(problems, "relevance weight", relevanceWeight);
        finite(problems, "appeal weight", appealWeight);
        finite(problems, "appeal worth", appealWorth);
        // Engagement rises with charge (times appetite, the users' susceptibility) and welfare falls with it: the world's
        // premise; how much is what the study fits and maps, from 0 (no effect) up.
        nonNegative(problems, "charge weight", chargeWeight);
        finite(problems, "side weight", sideWeight);
        nonNegative(problems, "charge harm", chargeHarm);
        share(problems, "appetite drift", appetiteDrift);
        share(problems, "interest drift", interestDrift);
        share(problems, "hostility drift", hostilityDrift);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("impossible population: " + String.join("; ", problems));
        }
    }

    private static void atLeast(List<String> problems, String name, long value, long least) {
        if (value < least) {
            problems.add(String.format(Locale.ROOT, "%s must be at least %d, got %d", name, least, value));
        }
    }

    private static void share(List<String> problems, String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + " must be between 0 and 1, got " + value);
        }
    }

    private static void nonNegative(List<String> problems, String name, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            problems.add(name + " must be 0 or more, got " + value);
        }
    }

    private static void positive(List<String> problems, String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            problems.add(name + " must be a positive number, got " + value);
        }
    }

    private static void finite(List<String> problems, String name, double value) {
        if (!Double.isFinite(value)) {
            problems.add(name + " must be a finite number, got " + value);
        }
    }
}
