package no.govgraph.backend.user;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes as stored on {@code User} nodes: bcrypt of an HMAC-SHA256 of the password under a
 * key (the "pepper") kept in {@code DATA_DIR/password-pepper}, not in the graph. Analysts' read-only
 * Cypher can reach {@code User} nodes in ways no guard can foresee (Neo4j Community has no
 * per-label privileges), so a hash that leaks must be useless for guessing passwords offline
 * without that file.
 */
@Singleton
public class PasswordHashes {

    static final String FILE_NAME = "password-pepper";
    static final String PREFIX = "hmac-bcrypt:";

    private final BCryptPasswordEncoder bcrypt;
    private final SecretKeySpec pepper;

    PasswordHashes(SecuritySettings settings, @Value("${govgraph.data-dir:}") String dataDir) {
        this.bcrypt = new BCryptPasswordEncoder(settings.bcryptStrength(), new SecureRandom());
        byte[] key = TokenSigning.secret(dataDir, FILE_NAME, "passwords are hashed with a key")
                .getBytes(StandardCharsets.UTF_8);
        this.pepper = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The hash to store for {@code password}. */
    public String hash(String password) {
        return PREFIX + bcrypt.encode(keyed(password));
    }

    /** Whether {@code password} is the one {@code stored} was made from (also plain bcrypt of old). */
    public boolean matches(String password, String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(PREFIX)) {
            return bcrypt.matches(keyed(password), stored.substring(PREFIX.length()));
        }
        return bcrypt.matches(password, stored);
    }

    /** Whether {@code stored} is a plain bcrypt hash of an earlier version, to be replaced. */
    public boolean isOutdated(String stored) {
        return stored != null && !stored.startsWith(PREFIX);
    }

    private String keyed(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            // 44 characters: within bcrypt's 72-byte limit whatever the password's length.
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
