package no.govgraph.backend.evidence;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.entity.EntitySummary;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.EntityIds;
import no.govgraph.neo4j.model.NodeLabel;
import no.govgraph.neo4j.model.RelType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Evidence and its curation: reading the claims behind a relationship, accepting or rejecting a
 * claim (a relationship whose claims are all rejected keeps no sources and is hidden), and merging
 * two entities that are the same thing. Every change is recorded with user and time.
 */
@Singleton
public class CurationService {

    private static final Set<String> PROTECTED = Set.of("id", "name", "aliases");

    private final EvidenceRepository repository;
    private final Driver driver;
    private final AuditLog audit;

    CurationService(EvidenceRepository repository, Driver driver, AuditLog audit) {
        this.repository = repository;
        this.driver = driver;
        this.audit = audit;
    }

    /** The claims behind {@code (subject)-[type]->(object)}, and the relationship itself. */
    public Evidence evidence(String type, String subject, String object, @Nullable String period) {
        RelType relType = RelType.fromName(type == null ? "" : type.strip())
                .filter(RelType::isEvidenced)
                .orElseThrow(() -> BackendException.badRequest("type must be one of "
                        + RelType.evidenced().stream().map(RelType::name).toList() + ", not '" + type + "'."));
        EntitySummary s = entity(subject, "subject");
        EntitySummary o = entity(object, "object");
        String p = period == null || period.isBlank() ? null : period.strip();
        List<Map<String, Object>> relationships = repository.relationships(
                NodeLabel.fromLabel(s.label()).orElseThrow(),
                s.id(),
                relType,
                NodeLabel.fromLabel(o.label()).orElseThrow(),
                o.id(),
                p);
        return new Evidence(
                relType.name(), s, o, p, relationships, repository.claims(relType.name(), s.id(), o.id(), p));
    }

    private EntitySummary entity(String id, String role) {
        if (id == null || id.isBlank()) {
            throw BackendException.badRequest("Give the " + role + " entity's id, e.g. " + role + "=office:0301.");
        }
        NodeLabel label = EntityIds.require(id.strip());
        return repository
                .entity(label, id.strip())
                .orElseThrow(
                        () -> BackendException.notFound("There is no " + label.label() + " with id '" + id + "'."));
    }

    /** Marks a claim accepted: it supports its relationship whatever the extractor's confidence. */
    public ClaimView accept(String claimId, String user) {
        return curate(claimId, "accepted", user);
    }

    /** Marks a claim rejected: it no longer supports its relationship. */
    public ClaimView reject(String claimId, String user) {
        return curate(claimId, "rejected", user);
    }

    private ClaimView curate(String claimId, String status, String user) {
        ClaimView before = repository
                .claim(claimId)
                .orElseThrow(() -> BackendException.notFound("There is no claim with id '" + claimId + "'."));
        long sources = repository.curate(claimId, status, user);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", before.status());
        details.put("to", status);
        details.put(
                "relationship",
                before.type() + " " + before.subjectId() + " -> " + before.objectId()
                        + (before.period() == null || before.period().isEmpty() ? "" : " " + before.period()));
        details.put("sourcesNow", sources);
        audit.record(user, "claim." + (status.equals("accepted") ? "accept" : "reject"), claimId, details);
        return repository.claim(claimId).orElseThrow();
    }

    /**
     * Merges {@code remove} into {@code keep} (both of one label): the kept entity gains the other's
     * name and aliases as aliases and any property it lacks; relationships and mentions move over
     * (joining ones it already has, sources combined); claims are re-pointed (and their ids
     * recomputed from their new content); the removed entity is deleted.
     */
    public MergeResult merge(String keep, String remove, String user) {
        if (keep == null || remove == null || keep.isBlank() || remove.isBlank()) {
            throw BackendException.badRequest("Send {\"keep\": id, \"remove\": id}.");
        }
        if (keep.equals(remove)) {
            throw BackendException.badRequest("keep and remove are the same entity.");
        }
        NodeLabel label = EntityIds.require(keep);
        NodeLabel other = EntityIds.require(remove);
        if (label != other) {
            throw BackendException.badRequest("Only entities of the same label can be merged; '" + keep + "' is "
                    + label.label() + ", '" + remove + "' is " + other.label() + ".");
        }
        try (Session session = driver.session()) {
            Map<String, Object> kept = repository
                    .entityProperties(session, label, keep)
                    .orElseThrow(() -> BackendException.notFound("There is no " + label.label() + " '" + keep + "'."));
            Map<String, Object> removed = repository
                    .entityProperties(session, label, remove)
                    .orElseThrow(
                            () -> BackendException.notFound("There is no " + label.label() + " '" + remove + "'."));
            List<String> aliases = mergedAliases(kept, removed);
            Map<String, Object> set = new LinkedHashMap<>();
            removed.forEach((k, v) -> {
                if (!PROTECTED.contains(k) && !kept.containsKey(k) && v != null) {
                    set.put(k, v);
                }
            });
            set.put("aliases", aliases);
            long[] counts = session.executeWrite(tx -> {
                long moved = 0;
                for (RelType type : RelType.values()) {
                    if (type.isEvidenced() || type == RelType.MENTIONS) {
                        moved += repository.moveRelationships(tx, label, keep, remove, type, true);
                        moved += repository.moveRelationships(tx, label, keep, remove, type, false);
                    }
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Record c : repository.claimsAbout(tx, remove)) {
                    rows.add(repointed(c, keep, remove));
                }
                repository.repointClaims(tx, repository.elementId(tx, label, keep), rows);
                repository.finishMerge(tx, label, keep, remove, set);
                return new long[] {moved, rows.size()};
            });
            MergeResult result = new MergeResult(keep, remove, aliases, counts[0], counts[1]);
            audit.record(
                    user,
                    "entity.merge",
                    keep,
                    Map.of(
                            "removed",
                            remove,
                            "removedName",
                            String.valueOf(removed.get("name")),
                            "relationships",
                            counts[0],
                            "claims",
                            counts[1]));
            return result;
        }
    }

    private static List<String> mergedAliases(Map<String, Object> kept, Map<String, Object> removed) {
        Set<String> aliases = new LinkedHashSet<>();
        addAll(aliases, kept.get("aliases"));
        Object name = removed.get("name");
        if (name != null) {
            aliases.add(name.toString());
        }
        addAll(aliases, removed.get("aliases"));
        aliases.remove(String.valueOf(kept.get("name")));
        return List.copyOf(aliases);
    }

    private static void addAll(Set<String> into, Object list) {
        if (list instanceof List<?> l) {
            l.forEach(v -> into.add(String.valueOf(v)));
        }
    }

    private static Map<String, Object> repointed(Record c, String keep, String remove) {
        String subject = c.get("subjectId").asString();
        String object = c.get("objectId").asString();
        String newSubject = subject.equals(remove) ? keep : subject;
        String newObject = object.equals(remove) ? keep : object;
        String passageId = c.get("passageId").asString("");
        String newId = sha256(c.get("type").asString() + "|" + newSubject + "|" + newObject + "|"
                + c.get("period").asString() + "|" + passageId + "|"
                + c.get("quote").asString());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("oldId", c.get("id").asString());
        row.put("newId", newId);
        row.put("subjectId", newSubject);
        row.put("objectId", newObject);
        return row;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
