package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.supporthub.testing.MovableClock;
import org.junit.jupiter.api.Test;

class MailboxLivenessTest {

    private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));
    private final MailboxLiveness liveness = new MailboxLiveness("support@example.com", Duration.ofSeconds(10), clock);

    {
        liveness.pollStarting();
        liveness.pollSucceeded();
    }

    @Test
    void before_the_first_poll_the_mailbox_counts_as_up_however_slow_the_start() {
        MailboxLiveness fresh = new MailboxLiveness("support@example.com", Duration.ofSeconds(10), clock);
        clock.advance(Duration.ofMinutes(5));
        assertThat(fresh.status().up()).isTrue();
        fresh.pollStarting();
        fresh.pollFailed(new IllegalStateException("connection refused"));
        clock.advance(Duration.ofSeconds(31));
        assertThat(fresh.status().up()).isFalse();
    }

    @Test
    void a_mailbox_is_up_for_three_intervals_without_a_poll_and_down_after() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(liveness.status().up()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(liveness.status().up()).isFalse();
    }

    @Test
    void a_poll_busy_with_a_large_batch_is_alive_but_a_hung_one_is_not() {
        liveness.pollSucceeded();
        liveness.pollStarting();
        clock.advance(Duration.ofMinutes(2));
        assertThat(liveness.status().up()).isTrue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(liveness.status().up()).isFalse();
    }

    @Test
    void failed_polls_do_not_count_as_polls_and_their_error_is_kept() {
        clock.advance(Duration.ofSeconds(20));
        liveness.pollFailed(new IllegalStateException("connection refused"));
        clock.advance(Duration.ofSeconds(11));
        assertThat(liveness.status().up()).isFalse();
        assertThat(liveness.alertDue()).get().extracting(MailboxLiveness.OutageAlert::text).asString()
                .contains("connection refused").contains("3 intervals of 10 s");
    }

    @Test
    void one_alert_per_outage_and_a_new_one_after_recovery_and_another_outage() {
        clock.advance(Duration.ofSeconds(31));
        assertThat(liveness.alertDue()).isPresent();
        clock.advance(Duration.ofMinutes(5));
        assertThat(liveness.alertDue()).isEmpty();

        liveness.pollSucceeded();
        assertThat(liveness.status().up()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(liveness.alertDue()).isPresent();
    }
}
