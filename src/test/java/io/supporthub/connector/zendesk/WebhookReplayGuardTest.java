package io.supporthub.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookReplayGuardTest {

    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void a_key_is_remembered_until_its_window_ends_then_forgotten() {
        WebhookReplayGuard guard = new WebhookReplayGuard(10);
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "a")).isTrue();
        assertThat(guard.firstSighting(T0.plusSeconds(299), T0.plusSeconds(599), "a")).isFalse();
        assertThat(guard.firstSighting(T0.plusSeconds(300), T0.plusSeconds(600), "a")).as("its window has ended").isTrue();
    }

    @Test
    void the_guard_stays_within_its_capacity_forgetting_the_oldest_and_counting_it() {
        WebhookReplayGuard guard = new WebhookReplayGuard(3);
        for (int i = 0; i < 5; i++) {
            assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "delivery-" + i)).isTrue();
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.forgottenEarly()).isEqualTo(2);
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "delivery-4")).isFalse();
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "delivery-0")).as("forgotten to make room").isTrue();
    }

    @Test
    void expired_keys_make_room_before_anything_in_its_window_is_forgotten() {
        WebhookReplayGuard guard = new WebhookReplayGuard(2);
        guard.firstSighting(T0, T0.plusSeconds(10), "old");
        guard.firstSighting(T0, T0.plusSeconds(300), "young");
        assertThat(guard.firstSighting(T0.plusSeconds(20), T0.plusSeconds(320), "new")).isTrue();
        assertThat(guard.forgottenEarly()).isZero();
        assertThat(guard.firstSighting(T0.plusSeconds(20), T0.plusSeconds(320), "young")).isFalse();
    }

    @Test
    void any_key_of_a_delivery_seen_before_makes_it_a_replay_and_null_keys_are_skipped() {
        WebhookReplayGuard guard = new WebhookReplayGuard(10);
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "signature:x", null)).isTrue();
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "signature:y", "invocation:1")).isTrue();
        assertThat(guard.firstSighting(T0, T0.plusSeconds(300), "signature:z", "invocation:1")).isFalse();
        assertThat(guard.size()).isEqualTo(3);
    }
}
