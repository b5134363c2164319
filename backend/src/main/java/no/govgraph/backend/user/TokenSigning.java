package no.govgraph.backend.user;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.BackendException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs and checks API tokens (HMAC-SHA256). Generated on the first start and kept in
 * {@code DATA_DIR/jwt-secret}, readable by its owner only, so tokens survive a restart; without a
 * data directory (tests, embedding) a fresh key lives in memory only.
 */
@Factory
class TokenSigning {

    static final String FILE_NAME = "jwt-secret";
    private static final Logger LOG = LoggerFactory.getLogger(TokenSigning.class);

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(@Value("${govgraph.data-dir:}") String dataDir) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        config.setSecret(secret(dataDir));
        return new SecretSignature(config);
    }

    private static String secret(String dataDir) {
        return secret(dataDir, FILE_NAME, "API tokens are signed with a key");
    }

    /**
     * A random secret kept in {@code DATA_DIR/fileName} (created on first use, readable by its owner
     * only); without a data directory a fresh one that lasts until the server stops.
     */
    static String secret(String dataDir, String fileName, String what) {
        if (dataDir == null || dataDir.isBlank()) {
            LOG.info("No data directory: {} that lasts until the server stops", what);
            return generate();
        }
        Path file = Path.of(dataDir).resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.length() >= 43) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            String secret = generate();
            Path tmp = file.resolveSibling(fileName + ".tmp");
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            restrict(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new BackendException(
                    Reason.UNAVAILABLE, "Cannot read or write the secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(
                    file,
                    Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Could not restrict {} to its owner: {}", file, e.getMessage());
        }
    }

    private static String generate() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
