package no.govgraph.backend.user;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How sign-in is protected.
 *
 * @param bcryptStrength the bcrypt cost factor for stored passwords (4–31; each step doubles the work)
 * @param maxFailures failed sign-ins in a row after which a user name is locked for a while
 * @param lock how long the first lock lasts; each further failure doubles it
 * @param maxLock the longest lock
 * @param adminPassword the first administrator's password (GOVGRAPH_ADMIN_PASSWORD); generated if empty
 */
@ConfigurationProperties("govgraph.security")
public record SecuritySettings(
        int bcryptStrength, int maxFailures, Duration lock, Duration maxLock, @Nullable String adminPassword) {

    public SecuritySettings {
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        lock = lock == null ? Duration.ofSeconds(30) : lock;
        maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
        adminPassword = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
    }
}
