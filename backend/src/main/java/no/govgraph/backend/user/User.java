package no.govgraph.backend.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A govgraph user as the API shows it (never with its password hash).
 *
 * @param username the name to sign in with
 * @param role the user's role
 * @param roles the role and every role it includes
 * @param createdAt when the user was created (ISO-8601)
 * @param createdBy who created it ({@code govgraph} for the first administrator)
 */
@Serdeable
public record User(String username, String role, List<String> roles, String createdAt, @Nullable String createdBy) {

    public User {
        roles = List.copyOf(roles);
    }
}
