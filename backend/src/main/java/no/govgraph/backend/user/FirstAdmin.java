package no.govgraph.backend.user;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Makes sure someone can sign in: on a start with no users, creates the administrator (see
 * {@link UserService#ensureFirstAdmin()}) and keeps a generated password for {@code serve} to show
 * once.
 */
@Singleton
public class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    private final UserService users;
    private volatile Optional<String> generatedPassword = Optional.empty();

    FirstAdmin(UserService users) {
        this.users = users;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        generatedPassword = users.ensureFirstAdmin();
    }

    /** The password generated for {@value UserService#FIRST_ADMIN} by this start, if one was. */
    public Optional<String> generatedPassword() {
        return generatedPassword;
    }
}
