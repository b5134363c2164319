package no.govgraph.backend.user;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;

/** {@code User} nodes: who may sign in, with which role, and their bcrypt password hash. */
@Singleton
class UserRepository {

    /** A user as stored, with the hash the password is checked against. */
    record StoredUser(String username, Role role, String passwordHash, String createdAt, String createdBy) {

        static StoredUser from(Record r) {
            return new StoredUser(
                    r.get("username").asString(),
                    Role.parse(r.get("role").asString()),
                    r.get("passwordHash").asString(),
                    r.get("createdAt").asString(""),
                    r.get("createdBy").asString(null));
        }

        User toUser() {
            return new User(username, role.id(), role.granted(), createdAt, createdBy);
        }
    }

    private final Driver driver;

    UserRepository(Driver driver) {
        this.driver = driver;
    }

    long count() {
        return driver.executableQuery("MATCH (u:User) RETURN count(u) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    long countAdmins() {
        return driver.executableQuery("MATCH (u:User {role: 'admin'}) RETURN count(u) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    Optional<StoredUser> find(String username) {
        return driver
                .executableQuery(
                        """
                        MATCH (u:User {username: $username})
                        RETURN u.username AS username, u.role AS role, u.passwordHash AS passwordHash,
                               toString(u.createdAt) AS createdAt, u.createdBy AS createdBy
                        """)
                .withParameters(Map.of("username", username))
                .execute()
                .records()
                .stream()
                .findFirst()
                .map(StoredUser::from);
    }

    List<StoredUser> list() {
        return driver
                .executableQuery(
                        """
                        MATCH (u:User)
                        RETURN u.username AS username, u.role AS role, u.passwordHash AS passwordHash,
                               toString(u.createdAt) AS createdAt, u.createdBy AS createdBy
                        ORDER BY u.username
                        """)
                .execute()
                .records()
                .stream()
                .map(StoredUser::from)
                .toList();
    }

    /** Creates the user; false if the name is taken (the uniqueness constraint decides). */
    boolean create(String id, String username, Role role, String passwordHash, String createdBy) {
        try {
            driver.executableQuery(
                            """
                            CREATE (:User {id: $id, username: $username, role: $role, passwordHash: $hash,
                                           createdAt: datetime(), createdBy: $createdBy})
                            """)
                    .withParameters(Map.of(
                            "id",
                            id,
                            "username",
                            username,
                            "role",
                            role.id(),
                            "hash",
                            passwordHash,
                            "createdBy",
                            createdBy))
                    .execute();
            return true;
        } catch (ClientException e) {
            if (String.valueOf(e.code()).contains("ConstraintValidationFailed")) {
                return false;
            }
            throw e;
        }
    }

    boolean setRole(String username, Role role) {
        return driver.executableQuery(
                                """
                        MATCH (u:User {username: $username})
                        SET u.role = $role, u.updatedAt = datetime()
                        RETURN count(u) AS n
                        """)
                        .withParameters(Map.of("username", username, "role", role.id()))
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong()
                > 0;
    }

    boolean setPasswordHash(String username, String hash) {
        return driver.executableQuery(
                                """
                        MATCH (u:User {username: $username})
                        SET u.passwordHash = $hash, u.updatedAt = datetime()
                        RETURN count(u) AS n
                        """)
                        .withParameters(Map.of("username", username, "hash", hash))
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong()
                > 0;
    }

    boolean delete(String username) {
        return driver.executableQuery(
                                """
                        MATCH (u:User {username: $username})
                        DETACH DELETE u
                        RETURN count(*) AS n
                        """)
                        .withParameters(Map.of("username", username))
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong()
                > 0;
    }
}
