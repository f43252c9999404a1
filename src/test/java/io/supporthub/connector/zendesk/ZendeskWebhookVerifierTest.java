package io.supporthub.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.Secret;
import io.supporthub.connector.zendesk.ZendeskWebhookVerifier.Verdict;
import io.supporthub.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The webhook signature against vectors computed outside the hub (openssl dgst -sha256 -hmac), with
 * Zendesk's documented test signing secret and its documented example delivery.
 */
class ZendeskWebhookVerifierTest {

    /** The signing secret Zendesk documents for webhooks being tried out before they exist. */
    static final Secret TEST_SECRET = Secret.of("dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==");
    static final String TIMESTAMP = "2021-03-25T05:09:27Z";
    static final String BODY = "{\"type\":\"zen:event-type:ticket.comment_added\",\"detail\":{\"id\":\"35436\"}}";
    static final String SIGNATURE = "Kq4Epw8QEfGVAVCbnbvWjjS3HUbN5dUzE17DVTcu9no=";

    final MovableClock clock = new MovableClock(Instant.parse(TIMESTAMP).plusSeconds(2));
    final WebhookReplayGuard replays = new WebhookReplayGuard(100);
    final ZendeskWebhookVerifier verifier = new ZendeskWebhookVerifier(TEST_SECRET, clock, replays);

    @Test
    void a_delivery_signed_over_timestamp_then_body_is_accepted() {
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), "8350205582")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void the_known_vectors_come_out_of_the_signing_function() {
        assertThat(ZendeskWebhookVerifier.signature(TEST_SECRET, TIMESTAMP, bytes(BODY))).isEqualTo(SIGNATURE);
        assertThat(ZendeskWebhookVerifier.signature(TEST_SECRET, TIMESTAMP, new byte[0])).isEqualTo("wCdBvXaHttn0wRVIYctzZ9O6O0bnqWakJMEKZ9VoRWw=");
        // Zendesk's documentation example (secret, body {"say": "hello"}), signed timestamp first
        assertThat(ZendeskWebhookVerifier.signature(Secret.of("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA="), "2021-07-25T10:00:00Z",
                bytes("{\"say\": \"hello\"}"))).isEqualTo("Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=");
        // the body is signed as the bytes received: UTF-8 text is not re-encoded
        assertThat(ZendeskWebhookVerifier.signature(Secret.of("sandbox-signing-secret"), "2026-12-04T09:30:00Z",
                bytes("{\"comment\":\"Grüße aus Köln\"}"))).isEqualTo("rBsndCt81zzBihLwUmYg9w3KnJPmbFiPKVpU/ivzScU=");
    }

    @Test
    void a_signature_over_body_then_timestamp_is_refused_the_order_is_part_of_the_signature() {
        MovableClock then = new MovableClock(Instant.parse("2021-07-25T10:00:01Z"));
        ZendeskWebhookVerifier docs = new ZendeskWebhookVerifier(Secret.of("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA="), then, replays);
        // an older page of Zendesk's documentation listed this signature, computed over body + timestamp
        assertThat(docs.verify("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=", "2021-07-25T10:00:00Z", bytes("{\"say\": \"hello\"}"), null))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(docs.verify("Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=", "2021-07-25T10:00:00Z", bytes("{\"say\": \"hello\"}"), null))
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void a_changed_body_a_changed_timestamp_or_another_secret_fail_the_signature() {
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY.replace("35436", "35437")), null)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(SIGNATURE, "2021-03-25T05:09:28Z", bytes(BODY), null)).isEqualTo(Verdict.BAD_SIGNATURE);
        ZendeskWebhookVerifier other = new ZendeskWebhookVerifier(Secret.of("another-secret"), clock, replays);
        assertThat(other.verify(SIGNATURE, TIMESTAMP, bytes(BODY), null)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify("not base64 at all!", TIMESTAMP, bytes(BODY), null)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void a_delivery_older_than_five_minutes_is_stale_even_when_well_signed() {
        clock.advance(Duration.ofMinutes(5));
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), null)).isEqualTo(Verdict.STALE);
        assertThat(Verdict.STALE.reason()).isEqualTo("refused: the delivery is more than 5 minutes old");
    }

    @Test
    void a_delivery_stamped_more_than_a_minute_ahead_of_the_hub_s_clock_is_refused() {
        MovableClock behind = new MovableClock(Instant.parse(TIMESTAMP).minusSeconds(61));
        assertThat(new ZendeskWebhookVerifier(TEST_SECRET, behind, replays).verify(SIGNATURE, TIMESTAMP, bytes(BODY), null))
                .isEqualTo(Verdict.FROM_THE_FUTURE);
        MovableClock slightlyBehind = new MovableClock(Instant.parse(TIMESTAMP).minusSeconds(30));
        assertThat(new ZendeskWebhookVerifier(TEST_SECRET, slightlyBehind, replays).verify(SIGNATURE, TIMESTAMP, bytes(BODY), null))
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void the_same_delivery_twice_within_the_window_is_a_replay() {
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), "8350205582")).isEqualTo(Verdict.ACCEPTED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), "8350205582")).isEqualTo(Verdict.REPLAYED);
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), null)).as("same signature, no invocation id").isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void a_second_delivery_with_an_invocation_id_already_accepted_is_a_replay() {
        String later = "2021-03-25T05:09:29Z";
        String signature = ZendeskWebhookVerifier.signature(TEST_SECRET, later, bytes(BODY));
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), "8350205582")).isEqualTo(Verdict.ACCEPTED);
        assertThat(verifier.verify(signature, later, bytes(BODY), "8350205582")).isEqualTo(Verdict.REPLAYED);
        assertThat(verifier.verify(signature, later, bytes(BODY), "8350205583")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void a_refused_delivery_is_not_remembered_so_the_genuine_one_still_passes() {
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY + " "), "8350205582")).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(SIGNATURE, TIMESTAMP, bytes(BODY), "8350205582")).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void missing_headers_an_unreadable_timestamp_and_no_configured_secret_are_each_named() {
        assertThat(verifier.verify(null, TIMESTAMP, bytes(BODY), null)).isEqualTo(Verdict.UNSIGNED);
        assertThat(verifier.verify(SIGNATURE, " ", bytes(BODY), null)).isEqualTo(Verdict.UNSIGNED);
        assertThat(verifier.verify(SIGNATURE, "yesterday", bytes(BODY), null)).isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(new ZendeskWebhookVerifier(Secret.of(""), clock, replays).verify(SIGNATURE, TIMESTAMP, bytes(BODY), null))
                .isEqualTo(Verdict.NO_SECRET);
        assertThat(Verdict.NO_SECRET.reason()).contains("zendesk.webhook-secret").doesNotContain(TEST_SECRET.reveal());
    }

    @Test
    void a_timestamp_in_epoch_seconds_is_read_too() {
        String epoch = Long.toString(Instant.parse(TIMESTAMP).getEpochSecond());
        String signature = ZendeskWebhookVerifier.signature(TEST_SECRET, epoch, bytes(BODY));
        assertThat(verifier.verify(signature, epoch, bytes(BODY), null)).isEqualTo(Verdict.ACCEPTED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
