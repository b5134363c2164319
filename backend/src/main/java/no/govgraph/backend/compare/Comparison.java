package no.govgraph.backend.compare;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.govgraph.backend.entity.EntitySummary;

/**
 * The research question in one answer: for one outcome and period, each office's value beside the
 * management tools it uses, and the outcome's distribution for offices with and without each tool,
 * by leader background and by partnership. Every value and every tool cell links to its evidence.
 *
 * @param outcome the outcome compared
 * @param period the period compared
 * @param periods the periods that have values for this outcome
 * @param unit the unit of the values (from the first value that has one)
 * @param tools the columns of the matrix: tools any office uses
 * @param offices the rows: every office, with its value (null if none for the period)
 * @param byTool per tool: the outcome for offices that use it and for those that do not
 * @param byLeaderBackground the outcome per background of the office's leader in the period
 * @param byPartnership per kind of partner: the outcome for offices with such a partner and without
 */
@Serdeable
public record Comparison(
        EntitySummary outcome,
        String period,
        List<String> periods,
        @Nullable String unit,
        List<EntitySummary> tools,
        List<OfficeRow> offices,
        List<Split> byTool,
        List<Group> byLeaderBackground,
        List<Split> byPartnership) {

    public Comparison {
        periods = List.copyOf(periods);
        tools = List.copyOf(tools);
        offices = List.copyOf(offices);
        byTool = List.copyOf(byTool);
        byLeaderBackground = List.copyOf(byLeaderBackground);
        byPartnership = List.copyOf(byPartnership);
    }

    /**
     * One office: its value and, per tool of {@link Comparison#tools()} in the same order, whether
     * it uses it.
     *
     * @param id the office
     * @param name its name
     * @param value its outcome value in the period, if known
     * @param target its target, if known
     * @param evidence the API path of the value's evidence, if there is a value
     * @param leaderBackground its leader's background in the period ({@code unknown} if none is known)
     * @param leader its leader in the period, if known
     * @param partnerKinds the kinds of its partners
     * @param tools one cell per tool
     */
    @Serdeable
    public record OfficeRow(
            String id,
            String name,
            @Nullable Double value,
            @Nullable Double target,
            @Nullable String evidence,
            String leaderBackground,
            @Nullable EntitySummary leader,
            List<String> partnerKinds,
            List<ToolCell> tools) {

        public OfficeRow {
            partnerKinds = List.copyOf(partnerKinds);
            tools = List.copyOf(tools);
        }
    }

    /**
     * Whether an office uses a tool.
     *
     * @param tool the tool's id
     * @param uses whether the office uses it
     * @param evidence the API path of that relationship's evidence, when it does
     */
    @Serdeable
    public record ToolCell(String tool, boolean uses, @Nullable String evidence) {}

    /**
     * Offices with and without something (a tool, a kind of partner).
     *
     * @param key the tool's id or the partner kind
     * @param label the tool's name or the partner kind
     * @param with the outcome for offices with it
     * @param without the outcome for offices without it
     * @param difference mean with minus mean without, when both exist
     */
    @Serdeable
    public record Split(String key, String label, Stats with, Stats without, @Nullable Double difference) {}

    /**
     * The outcome for one group of offices.
     *
     * @param key the group (a leader background)
     * @param stats the outcome in it
     * @param offices the offices in it
     */
    @Serdeable
    public record Group(String key, Stats stats, List<String> offices) {

        public Group {
            offices = List.copyOf(offices);
        }
    }

    /**
     * Summary of values.
     *
     * @param n how many offices have a value
     * @param mean their mean
     * @param median their median
     * @param min the smallest
     * @param max the largest
     */
    @Serdeable
    public record Stats(
            int n, @Nullable Double mean, @Nullable Double median, @Nullable Double min, @Nullable Double max) {

        static Stats of(List<Double> values) {
            if (values.isEmpty()) {
                return new Stats(0, null, null, null, null);
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double mean = sorted.stream().mapToDouble(Double::doubleValue).sum() / n;
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Stats(n, mean, median, sorted.get(0), sorted.get(n - 1));
        }
    }
}
