package no.govgraph.backend.user;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.govgraph.backend.support.BackendException;

/**
 * What a user may do. Roles are ordered: each includes everything the ones before it may do, so a
 * user holds its own role and all lower ones.
 */
public enum Role {
    /** Search, browse entities and documents, read evidence, export. */
    READER,
    /** And run Cypher, save and share queries. */
    ANALYST,
    /** And import files, remove documents, curate evidence. */
    ARCHIVIST,
    /** And manage users, read the audit log. */
    ADMIN;

    /** Names for {@code @Secured}, which needs compile-time constants. */
    public static final String READER_NAME = "reader";

    public static final String ANALYST_NAME = "analyst";
    public static final String ARCHIVIST_NAME = "archivist";
    public static final String ADMIN_NAME = "admin";

    /** The role's name as users and the API write it: {@code reader}, {@code analyst} … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role below it, as names. */
    public List<String> granted() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(Role::id)
                .toList();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role named {@code name} (any case), or a 400 listing the valid names. */
    public static Role parse(String name) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst()
                .orElseThrow(() -> BackendException.badRequest("Unknown role '" + name + "'; roles are "
                        + Arrays.stream(values()).map(Role::id).toList() + "."));
    }
}
