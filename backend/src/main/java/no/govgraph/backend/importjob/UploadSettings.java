package no.govgraph.backend.importjob;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where uploads go.
 *
 * @param dir the directory for uploaded files (default: {@code DATA_DIR/uploads}, or a temporary
 *     directory without a data directory)
 */
@ConfigurationProperties("govgraph.upload")
public record UploadSettings(@Nullable String dir) {}
