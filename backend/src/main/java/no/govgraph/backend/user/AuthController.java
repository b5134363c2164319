package no.govgraph.backend.user;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;

/** Sign-in for API clients (a bearer token) and the signed-in user's own account. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
public class AuthController {

    /** User name and password. */
    @Serdeable
    public record Credentials(String username, String password) {}

    /**
     * A bearer token for the {@code Authorization} header.
     *
     * @param access_token the token
     * @param token_type always {@code Bearer}
     * @param expires_in seconds until it expires
     * @param username who it is for
     * @param roles what it allows
     */
    @Serdeable
    @SuppressWarnings("checkstyle:RecordComponentName")
    public record Token(
            String access_token, String token_type, int expires_in, String username, java.util.List<String> roles) {}

    /** A new password, with the current one as proof. */
    @Serdeable
    public record PasswordChange(String currentPassword, String newPassword) {}

    private final UserService users;
    private final TokenGenerator tokens;
    private final AccessTokenConfiguration tokenConfig;

    AuthController(UserService users, TokenGenerator tokens, AccessTokenConfiguration tokenConfig) {
        this.users = users;
        this.tokens = tokens;
        this.tokenConfig = tokenConfig;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirements
    @Operation(summary = "Exchange a user name and password for a bearer token")
    public Token login(@Body Credentials credentials) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw BackendException.badRequest("Send {\"username\": …, \"password\": …}.");
        }
        SignedInUser user = users.authenticate(credentials.username(), credentials.password());
        int expiration = tokenConfig.getExpiration();
        String token = tokens.generateToken(
                        Authentication.build(
                                user.username(),
                                user.roles(),
                                Map.of("role", user.role().id())),
                        expiration)
                .orElseThrow(() -> new BackendException(Reason.UNAVAILABLE, "No token could be signed."));
        return new Token(token, "Bearer", expiration, user.username(), user.roles());
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The signed-in user")
    public User me(Authentication authentication) {
        return users.find(authentication.getName())
                .orElseThrow(() ->
                        new BackendException(Reason.UNAUTHORIZED, "Your user no longer exists; ask an administrator."));
    }

    @Post("/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password")
    public void changePassword(Authentication authentication, @Body PasswordChange change) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw BackendException.badRequest("Send {\"currentPassword\": …, \"newPassword\": …}.");
        }
        users.changeOwnPassword(authentication.getName(), change.currentPassword(), change.newPassword());
    }
}
