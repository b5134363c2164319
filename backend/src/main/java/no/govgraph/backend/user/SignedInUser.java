package no.govgraph.backend.user;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Someone whose password was just checked: what the UI keeps in its session and the API puts into
 * the request's authentication.
 *
 * @param username the user
 * @param role the user's role
 */
@Serdeable
public record SignedInUser(String username, Role role) {

    /** The role and every role it includes, as names. */
    public List<String> roles() {
        return role.granted();
    }

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
