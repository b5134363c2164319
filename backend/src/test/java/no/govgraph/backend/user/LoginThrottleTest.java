package no.govgraph.backend.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle =
            new LoginThrottle(new SecuritySettings(4, 3, Duration.ofSeconds(30), Duration.ofMinutes(2), null), clock);

    @Test
    void locksAfterRepeatedFailuresAndDoublesTheLock() {
        throttle.failed("Kari");
        throttle.failed("kari");
        assertThat(throttle.lockedFor("kari")).isEmpty();
        throttle.failed("kari");
        assertThat(throttle.lockedFor("KARI")).contains(Duration.ofSeconds(30));
        now = now.plusSeconds(31);
        assertThat(throttle.lockedFor("kari")).isEmpty();
        throttle.failed("kari");
        assertThat(throttle.lockedFor("kari")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("kari");
        }
        assertThat(throttle.lockedFor("kari")).contains(Duration.ofMinutes(2));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        throttle.failed("ola");
        throttle.failed("ola");
        throttle.succeeded("ola");
        throttle.failed("ola");
        assertThat(throttle.lockedFor("ola")).isEmpty();
    }
}
