package no.govgraph.backend.compare;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.govgraph.backend.compare.Comparison.Group;
import no.govgraph.backend.compare.Comparison.OfficeRow;
import no.govgraph.backend.compare.Comparison.Split;
import no.govgraph.backend.compare.Comparison.Stats;
import no.govgraph.backend.compare.Comparison.ToolCell;
import no.govgraph.backend.entity.EntitySummary;
import no.govgraph.backend.support.BackendException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Compares offices' outcomes by the tools they use, their leaders' background and their partners. */
@Singleton
public class CompareService {

    static final List<String> BACKGROUNDS = List.of("state", "municipal", "unknown");
    static final List<String> PARTNER_KINDS = List.of("municipality", "county", "state", "other");

    private final CompareRepository repository;

    CompareService(CompareRepository repository) {
        this.repository = repository;
    }

    /** The outcomes and their periods, to choose a comparison from. */
    public List<OutcomePeriods> outcomes() {
        return repository.outcomes();
    }

    /** The comparison for {@code outcome} in {@code period} (default: its latest period). */
    public Comparison compare(String outcomeId, @Nullable String period) {
        if (outcomeId == null || outcomeId.isBlank()) {
            throw BackendException.badRequest(
                    "Choose an outcome: outcome=outcome:…; GET /api/compare/outcomes lists them.");
        }
        EntitySummary outcome = repository
                .outcome(outcomeId.strip())
                .orElseThrow(() -> BackendException.notFound(
                        "There is no outcome '" + outcomeId + "'; GET" + " /api/compare/outcomes lists them."));
        List<String> periods = repository.outcomes().stream()
                .filter(o -> o.id().equals(outcome.id()))
                .findFirst()
                .map(OutcomePeriods::periods)
                .orElse(List.of());
        String p = period == null || period.isBlank() ? (periods.isEmpty() ? "" : periods.get(0)) : period.strip();
        List<EntitySummary> tools = repository.tools();
        List<OfficeRow> rows = new ArrayList<>();
        String unit = null;
        for (Record r : repository.offices(outcome.id(), p)) {
            OfficeRow row = row(r, outcome.id(), p, tools);
            rows.add(row);
            if (unit == null && !r.get("unit").isNull()) {
                unit = r.get("unit").asString();
            }
        }
        List<OfficeRow> valued = rows.stream().filter(o -> o.value() != null).toList();

        List<Split> byTool = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            int column = i;
            byTool.add(split(tools.get(i).id(), tools.get(i).name(), valued, o -> o.tools()
                    .get(column)
                    .uses()));
        }
        List<Group> byBackground = new ArrayList<>();
        Set<String> backgrounds = new TreeSet<>(BACKGROUNDS);
        valued.forEach(o -> backgrounds.add(o.leaderBackground()));
        for (String b : orderedBy(BACKGROUNDS, backgrounds)) {
            List<OfficeRow> group =
                    valued.stream().filter(o -> o.leaderBackground().equals(b)).toList();
            byBackground.add(new Group(
                    b,
                    Stats.of(group.stream().map(OfficeRow::value).toList()),
                    group.stream().map(OfficeRow::id).toList()));
        }
        List<Split> byPartnership = new ArrayList<>();
        Set<String> kinds = new TreeSet<>(PARTNER_KINDS);
        valued.forEach(o -> kinds.addAll(o.partnerKinds()));
        for (String kind : orderedBy(PARTNER_KINDS, kinds)) {
            byPartnership.add(split(kind, kind, valued, o -> o.partnerKinds().contains(kind)));
        }
        return new Comparison(outcome, p, periods, unit, tools, rows, byTool, byBackground, byPartnership);
    }

    private static List<String> orderedBy(List<String> order, Set<String> values) {
        List<String> out =
                new ArrayList<>(order.stream().filter(values::contains).toList());
        values.stream().filter(v -> !order.contains(v)).forEach(out::add);
        return out;
    }

    private static Split split(
            String key, String label, List<OfficeRow> valued, java.util.function.Predicate<OfficeRow> has) {
        Stats with = Stats.of(valued.stream().filter(has).map(OfficeRow::value).toList());
        Stats without = Stats.of(
                valued.stream().filter(has.negate()).map(OfficeRow::value).toList());
        Double difference = with.mean() != null && without.mean() != null ? with.mean() - without.mean() : null;
        return new Split(key, label, with, without, difference);
    }

    private static OfficeRow row(Record r, String outcome, String period, List<EntitySummary> tools) {
        String id = r.get("id").asString();
        Double value = number(r.get("value"));
        List<String> used = r.get("tools").asList(Value::asString);
        List<ToolCell> cells = new ArrayList<>();
        for (EntitySummary t : tools) {
            boolean uses = used.contains(t.id());
            cells.add(new ToolCell(t.id(), uses, uses ? evidence("USES_TOOL", id, t.id(), null) : null));
        }
        Map<String, Object> leader = leaderIn(r.get("leaders"), period);
        String background = leader == null || leader.get("background") == null
                ? "unknown"
                : leader.get("background").toString();
        return new OfficeRow(
                id,
                r.get("name").asString(),
                value,
                number(r.get("target")),
                value == null ? null : evidence("ACHIEVED", id, outcome, period),
                background,
                leader == null
                        ? null
                        : new EntitySummary(leader.get("id").toString(), "Leader", String.valueOf(leader.get("name"))),
                r.get("partnerKinds").asList(Value::asString),
                cells);
    }

    /** The leader whose term covers the period (years compared), else one without a known term. */
    private static Map<String, Object> leaderIn(Value leaders, String period) {
        Map<String, Object> fallback = null;
        String year = period.length() >= 4 ? period.substring(0, 4) : period;
        for (Value l : leaders.values()) {
            Map<String, Object> m = new LinkedHashMap<>(l.asMap());
            String from = year(m.get("from"));
            String to = year(m.get("to"));
            boolean starts = from == null || year.isEmpty() || from.compareTo(year) <= 0;
            boolean ends = to == null || year.isEmpty() || to.compareTo(year) >= 0;
            if (starts && ends) {
                if (from != null || to != null) {
                    return m;
                }
                fallback = fallback == null ? m : fallback;
            }
        }
        return fallback;
    }

    private static String year(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.length() >= 4 ? s.substring(0, 4) : s;
    }

    private static Double number(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.asNumber().doubleValue();
        } catch (RuntimeException e) {
            try {
                return Double.parseDouble(v.asString().replace(',', '.'));
            } catch (RuntimeException notANumber) {
                return null;
            }
        }
    }

    static String evidence(String type, String subject, String object, @Nullable String period) {
        return "/api/evidence?type=" + type + "&subject=" + encode(subject) + "&object=" + encode(object)
                + (period == null || period.isEmpty() ? "" : "&period=" + encode(period));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
