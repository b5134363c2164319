package no.govgraph.backend.cypher;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;

/**
 * Saved queries: shared between analysts, run by name with parameters. Only read queries can be
 * saved (the same guard as for running them); the owner or an administrator may change or delete
 * one.
 */
@Singleton
public class SavedQueryService {

    static final int MAX_NAME = 100;
    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final SavedQueryRepository repository;
    private final CypherService cypher;
    private final AuditLog audit;

    SavedQueryService(SavedQueryRepository repository, CypherService cypher, AuditLog audit) {
        this.repository = repository;
        this.cypher = cypher;
        this.audit = audit;
    }

    public List<SavedQuery> list() {
        return repository.list();
    }

    public SavedQuery get(String name) {
        return repository
                .byName(name == null ? "" : name)
                .orElseThrow(() -> BackendException.notFound("There is no saved query named '" + name + "'."));
    }

    public SavedQuery save(
            String name, @Nullable String description, String query, @Nullable List<String> parameters, String owner) {
        String n = validName(name);
        String q = validQuery(query);
        if (!repository.create(UUID.randomUUID().toString(), n, description, q, parameters(q, parameters), owner)) {
            throw new BackendException(
                    Reason.CONFLICT,
                    "A saved query named '" + n + "' exists already; pick another" + " name or change that one.");
        }
        audit.record(owner, "query.save", n, Map.of("query", q));
        return get(n);
    }

    public SavedQuery update(
            String name,
            @Nullable String description,
            String query,
            @Nullable List<String> parameters,
            String user,
            boolean admin) {
        SavedQuery existing = get(name);
        requireOwner(existing, user, admin);
        String q = validQuery(query);
        repository.update(existing.id(), description, q, parameters(q, parameters));
        audit.record(user, "query.update", existing.name(), Map.of("query", q));
        return get(existing.name());
    }

    public void delete(String name, String user, boolean admin) {
        SavedQuery existing = get(name);
        requireOwner(existing, user, admin);
        repository.delete(existing.id());
        audit.record(user, "query.delete", existing.name(), Map.of("owner", existing.owner()));
    }

    /** Runs the saved query with {@code params}; every declared parameter must be given. */
    public CypherResult run(String name, @Nullable Map<String, Object> params, String user) {
        SavedQuery saved = get(name);
        Map<String, Object> given = params == null ? Map.of() : params;
        List<String> missing =
                saved.parameters().stream().filter(p -> !given.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw BackendException.badRequest("The saved query '" + saved.name() + "' needs the parameters "
                    + missing.stream().map(p -> "$" + p).toList() + "; send them as {\"params\": {…}}.");
        }
        return cypher.run(saved.query(), given, user, saved.name());
    }

    private static void requireOwner(SavedQuery q, String user, boolean admin) {
        if (!admin && !q.owner().equals(user)) {
            throw new BackendException(
                    Reason.FORBIDDEN,
                    "Only its owner '" + q.owner() + "' or an administrator may change '" + q.name() + "'.");
        }
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.contains("/") || n.chars().anyMatch(Character::isISOControl)) {
            throw BackendException.badRequest(
                    "A saved query needs a name of 1–" + MAX_NAME + " characters without '/' or control characters.");
        }
        return n;
    }

    private static String validQuery(String query) {
        if (query == null || query.isBlank()) {
            throw BackendException.badRequest("A saved query needs its Cypher text in \"query\".");
        }
        CypherGuard.refusal(query).ifPresent(reason -> {
            throw new BackendException(Reason.REFUSED, "Query refused: " + reason + ".");
        });
        return query.strip();
    }

    /** The declared parameters, or those the query uses. */
    static List<String> parameters(String query, @Nullable List<String> declared) {
        if (declared != null && !declared.isEmpty()) {
            return declared.stream()
                    .map(String::strip)
                    .map(p -> p.startsWith("$") ? p.substring(1) : p)
                    .distinct()
                    .toList();
        }
        String code;
        try {
            code = CypherGuard.blankLiteralsAndComments(query);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PARAMETER.matcher(code);
        while (m.find()) {
            found.add(m.group(1));
        }
        return new ArrayList<>(found);
    }
}
