package no.govgraph.ui.session;

import no.govgraph.backend.user.Role;
import no.govgraph.backend.user.SignedInUser;

/** Signs a user into the mocked Vaadin session without the login form (the form has its own test). */
public final class TestUsers {

    private TestUsers() {}

    public static void signIn(String username, Role role) {
        CurrentUser.set(new SignedInUser(username, role));
    }
}
