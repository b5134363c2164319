package no.govgraph.backend.user;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import no.govgraph.backend.support.BackendException;

/** Checks HTTP Basic credentials against the {@code User} nodes (on a blocking thread: bcrypt is slow). */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserService users;

    PasswordAuthenticationProvider(UserService users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(
            HttpRequest<B> request, AuthenticationRequest<String, String> authenticationRequest) {
        try {
            SignedInUser user =
                    users.authenticate(authenticationRequest.getIdentity(), authenticationRequest.getSecret());
            return AuthenticationResponse.success(
                    user.username(), user.roles(), Map.of("role", user.role().id()));
        } catch (BackendException e) {
            return AuthenticationResponse.failure(e.getMessage());
        }
    }
}
