package org.alignlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.Gridworlds;
import org.alignlab.gridworlds.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignlab envs}: every environment and variant with the problem it demonstrates. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = {
            "List the safety gridworlds and the problem each demonstrates.",
            "",
            "Every environment and variant: the alignment problem it demonstrates, whether it is "
                + "stochastic, and what its hidden performance measures (--json adds size and actions)."})
final class EnvsCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var out = out();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Variant v : Gridworlds.all()) {
            Gridworld g = v.create();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", v.id());
            row.put("environment", v.env());
            row.put("variant", v.name());
            row.put("problem", v.problem().title());
            row.put("kind", v.problem().kind().name().toLowerCase());
            row.put("stochastic", v.stochastic());
            row.put("rows", g.rows());
            row.put("cols", g.cols());
            row.put("actions", g.actionCount());
            row.put("hidden_performance", v.hiddenPerformance());
            rows.add(row);
        }
        if (json) {
            out.println(org.alignlab.report.StudyReports.json().writeValueAsString(rows));
            return 0;
        }
        String env = null;
        for (Variant v : Gridworlds.all()) {
            if (!v.env().equals(env)) {
                env = v.env();
                out.printf("%n%s  (%s, %s problem)%n    %s%n", env, v.problem().title(),
                        v.problem().kind().name().toLowerCase(), v.problem().statement());
                out.printf("    hidden performance: %s%n", v.hiddenPerformance());
            }
            out.printf("  %-42s %s%n", v.id(), v.stochastic() ? "stochastic" : "deterministic");
        }
        out.printf("%n%d environments, %d variants. Play one: alignlab play boat_race%n",
                Gridworlds.environments().size(), Gridworlds.all().size());
        return 0;
    }
}
