package no.govgraph.backend.user;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Accepts a token only while its user exists with the role the token was issued for: deleting or
 * demoting a user ends their tokens at once instead of when they expire.
 */
@Singleton
class CurrentUserClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final UserService users;

    CurrentUserClaimsValidator(UserService users) {
        this.users = users;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object role = claims.get("role");
        if (subject == null || role == null) {
            return false;
        }
        Optional<Role> current = users.currentRole(subject.toString());
        return current.isPresent() && current.get().id().equals(role.toString());
    }
}
