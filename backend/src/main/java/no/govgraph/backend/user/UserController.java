package no.govgraph.backend.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.govgraph.backend.support.BackendException;

/** User administration (admin). */
@Controller("/api/users")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
public class UserController {

    /** A new user. */
    @Serdeable
    public record NewUser(String username, String password, String role) {}

    /** Changes to a user: a new role, a new password, or both. */
    @Serdeable
    public record UserChange(@Nullable String role, @Nullable String password) {}

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @Get
    @Operation(summary = "All users (admin)")
    public List<User> list() {
        return users.list();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a user (admin)")
    public User create(@Body NewUser user, Authentication who) {
        if (user == null) {
            throw BackendException.badRequest("Send {\"username\": …, \"password\": …, \"role\": …}.");
        }
        return users.create(user.username(), user.password(), user.role(), who.getName());
    }

    @Put("/{username}")
    @Operation(summary = "Change a user's role or password (admin)")
    public User update(@PathVariable String username, @Body UserChange change, Authentication who) {
        if (change == null || (change.role() == null && change.password() == null)) {
            throw BackendException.badRequest("Send {\"role\": …} and/or {\"password\": …}.");
        }
        return users.update(username, change.role(), change.password(), who.getName());
    }

    @Delete("/{username}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user (admin)")
    public void delete(@PathVariable String username, Authentication who) {
        users.delete(username, who.getName());
    }
}
