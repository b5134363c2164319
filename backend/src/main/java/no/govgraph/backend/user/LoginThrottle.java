package no.govgraph.backend.user;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link SecuritySettings#maxFailures()} failed sign-ins in a row
 * a user name is locked, first for {@link SecuritySettings#lock()}, twice as long after each further
 * failure, up to {@link SecuritySettings#maxLock()}. Locked names are refused without checking the
 * password. Keyed by user name rather than address: behind the UI's proxy every client looks like
 * 127.0.0.1. Unknown names are throttled the same way, so the answer does not reveal which exist.
 */
@Singleton
class LoginThrottle {

    /** Names remembered at most; beyond this, entries that are not locked are forgotten. */
    private static final int MAX_ENTRIES = 10_000;

    private record State(int failures, Instant lockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final SecuritySettings settings;
    private final Clock clock;

    @Inject
    LoginThrottle(SecuritySettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long {@code username} stays locked, if it is. */
    Optional<Duration> lockedFor(String username) {
        State state = states.get(key(username));
        if (state == null || state.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), state.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    void failed(String username) {
        if (states.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            states.values()
                    .removeIf(s -> s.lockedUntil() == null || s.lockedUntil().isBefore(now));
        }
        states.compute(key(username), (k, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            Instant until = null;
            if (failures >= settings.maxFailures()) {
                int doublings = Math.min(20, failures - settings.maxFailures());
                Duration lock = settings.lock().multipliedBy(1L << doublings);
                if (lock.compareTo(settings.maxLock()) > 0) {
                    lock = settings.maxLock();
                }
                until = clock.instant().plus(lock);
            }
            return new State(failures, until);
        });
    }

    void succeeded(String username) {
        states.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
