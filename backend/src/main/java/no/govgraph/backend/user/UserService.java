package no.govgraph.backend.user;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import no.govgraph.backend.audit.AuditLog;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;

/**
 * Users and their passwords: sign-in (for the API's Basic and token authentication and for the UI's
 * login form), and the administration of users. Passwords are stored only as keyed bcrypt hashes
 * ({@link PasswordHashes}).
 */
@Singleton
public class UserService {

    /** The user created on the first start. */
    public static final String FIRST_ADMIN = "admin";

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);

    /**
     * A password checked recently, so that HTTP Basic clients (which send the password with every
     * request) do not pay a bcrypt check per request. Holds a salted SHA-256 of the password, never
     * the password, and only counts while the stored hash is unchanged.
     */
    private record Verified(String passwordHash, String digest, long expiresAtNanos) {}

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final PasswordHashes hashes;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] pepper = new byte[32];
    private final SecureRandom random = new SecureRandom();

    UserService(
            UserRepository users,
            LoginThrottle throttle,
            AuditLog audit,
            SecuritySettings settings,
            PasswordHashes hashes) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.hashes = hashes;
        random.nextBytes(pepper);
    }

    /**
     * Checks a user name and password.
     *
     * @throws BackendException UNAUTHORIZED for a wrong name or password, TOO_MANY_REQUESTS while the
     *     name is locked after repeated failures
     */
    public SignedInUser authenticate(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> locked = throttle.lockedFor(name);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            throw BackendException.tooManyRequests(
                    "Too many failed sign-ins for '" + name + "'; try again in " + seconds + " s.", seconds);
        }
        Optional<UserRepository.StoredUser> stored = name.isEmpty() ? Optional.empty() : users.find(name);
        boolean ok = stored.isPresent() && password != null && matches(stored.get(), password);
        if (!ok) {
            throttle.failed(name);
            if (throttle.lockedFor(name).isPresent()) {
                audit.record(name, "user.locked", name, Map.of());
            }
            throw new BackendException(Reason.UNAUTHORIZED, "Wrong user name or password.");
        }
        throttle.succeeded(name);
        return new SignedInUser(name, stored.get().role());
    }

    private boolean matches(UserRepository.StoredUser user, String password) {
        String digest = digest(password);
        Verified cached = verified.get(user.username());
        if (cached != null
                && cached.passwordHash().equals(user.passwordHash())
                && cached.expiresAtNanos() - System.nanoTime() > 0
                && MessageDigest.isEqual(
                        cached.digest().getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        if (!hashes.matches(password, user.passwordHash())) {
            return false;
        }
        String stored = user.passwordHash();
        if (hashes.isOutdated(stored)) {
            stored = hashes.hash(password);
            users.setPasswordHash(user.username(), stored);
        }
        verified.put(user.username(), new Verified(stored, digest, System.nanoTime() + CACHE_TTL.toNanos()));
        return true;
    }

    private String digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            return Base64.getEncoder().encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private record CachedRole(Optional<Role> role, long expiresAtNanos) {}

    private final Map<String, CachedRole> roles = new ConcurrentHashMap<>();

    /**
     * The user's current role, or empty if the user no longer exists; remembered for a few seconds
     * because every request with a token asks.
     */
    public Optional<Role> currentRole(String username) {
        String name = normalise(username);
        CachedRole cached = roles.get(name);
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return cached.role();
        }
        Optional<Role> role = users.find(name).map(UserRepository.StoredUser::role);
        roles.put(
                name,
                new CachedRole(role, System.nanoTime() + Duration.ofSeconds(5).toNanos()));
        return role;
    }

    /** The user, if it exists (for a token's holder, whose user may have been deleted since). */
    public Optional<User> find(String username) {
        return users.find(normalise(username)).map(UserRepository.StoredUser::toUser);
    }

    public List<User> list() {
        return users.list().stream().map(UserRepository.StoredUser::toUser).toList();
    }

    /** Creates a user; 400 for a bad name, role or password, 409 if the name is taken. */
    public User create(String username, String password, String role, String actor) {
        String name = validName(username);
        Role r = Role.parse(role);
        checkPassword(password);
        if (!users.create(UUID.randomUUID().toString(), name, r, hashes.hash(password), actor)) {
            throw new BackendException(Reason.CONFLICT, "A user named '" + name + "' exists already.");
        }
        audit.record(actor, "user.create", name, Map.of("role", r.id()));
        return find(name).orElseThrow();
    }

    /** Changes a user's role and/or password (admin). The last administrator keeps the admin role. */
    public User update(String username, String role, String password, String actor) {
        String name = normalise(username);
        UserRepository.StoredUser current = users.find(name).orElseThrow(() -> noSuchUser(name));
        if (role != null) {
            Role r = Role.parse(role);
            if (current.role() == Role.ADMIN && r != Role.ADMIN && users.countAdmins() <= 1) {
                throw new BackendException(
                        Reason.CONFLICT, "'" + name + "' is the last administrator; make another user admin first.");
            }
            users.setRole(name, r);
            roles.remove(name);
            audit.record(actor, "user.role", name, Map.of("from", current.role().id(), "to", r.id()));
        }
        if (password != null) {
            checkPassword(password);
            users.setPasswordHash(name, hashes.hash(password));
            verified.remove(name);
            audit.record(actor, "user.password", name, Map.of());
        }
        return find(name).orElseThrow();
    }

    /** A user changes their own password, proving the current one. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        SignedInUser user = authenticate(username, currentPassword);
        checkPassword(newPassword);
        users.setPasswordHash(user.username(), hashes.hash(newPassword));
        verified.remove(user.username());
        audit.record(user.username(), "user.password", user.username(), Map.of());
    }

    public void delete(String username, String actor) {
        String name = normalise(username);
        UserRepository.StoredUser current = users.find(name).orElseThrow(() -> noSuchUser(name));
        if (current.role() == Role.ADMIN && users.countAdmins() <= 1) {
            throw new BackendException(
                    Reason.CONFLICT, "'" + name + "' is the last administrator and cannot be deleted.");
        }
        users.delete(name);
        verified.remove(name);
        roles.remove(name);
        audit.record(actor, "user.delete", name, Map.of("role", current.role().id()));
    }

    /**
     * On a graph without users, creates the administrator {@value #FIRST_ADMIN} with the configured
     * password or a generated one.
     *
     * @return the generated password, to be shown once; empty if no user was created or the password
     *     came from the configuration
     */
    public Optional<String> ensureFirstAdmin() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        boolean generate = settings.adminPassword() == null;
        String password = generate ? generatePassword() : settings.adminPassword();
        if (!generate) {
            checkPassword(password);
        }
        if (!users.create(UUID.randomUUID().toString(), FIRST_ADMIN, Role.ADMIN, hashes.hash(password), "govgraph")) {
            return Optional.empty(); // another server created it at the same moment
        }
        audit.record("govgraph", "user.create", FIRST_ADMIN, Map.of("role", Role.ADMIN.id()));
        return generate ? Optional.of(password) : Optional.empty();
    }

    private String generatePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw BackendException.badRequest("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // bcrypt only reads the first 72 bytes; a longer password would be silently cut.
            throw BackendException.badRequest("A password may have at most 72 bytes (72 plain letters).");
        }
    }

    private static String validName(String username) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw BackendException.badRequest("A user name has 2–64 characters: lower-case letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static BackendException noSuchUser(String name) {
        return BackendException.notFound("There is no user named '" + name + "'.");
    }
}
