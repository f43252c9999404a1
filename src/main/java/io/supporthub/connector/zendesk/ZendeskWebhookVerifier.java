package io.supporthub.connector.zendesk;

import io.supporthub.connector.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery comes from Zendesk, is fresh and is new: X-Zendesk-Webhook-Signature
 * must be base64(HMAC-SHA256(signing secret, X-Zendesk-Webhook-Signature-Timestamp + body)), the
 * timestamp at most five minutes old and not ahead of the hub's clock by more than a minute, and
 * neither the signature nor X-Zendesk-Webhook-Invocation-Id accepted before within those five minutes.
 */
public final class ZendeskWebhookVerifier {

    /** How old a delivery may be; a replay of an older one fails on its age, so the guard need not remember it longer. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How far ahead of the hub's clock a timestamp may be: clock skew, never more. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(1);

    private final Secret signingSecret;
    private final Clock clock;
    private final WebhookReplayGuard replays;

    public ZendeskWebhookVerifier(Secret signingSecret, Clock clock, WebhookReplayGuard replays) {
        this.signingSecret = signingSecret;
        this.clock = clock;
        this.replays = replays;
    }

    /** Why a delivery was refused, or that it was accepted. */
    public enum Verdict {
        ACCEPTED("accepted"),
        NO_SECRET("refused: zendesk.webhook-secret is not set, so no delivery can be verified"),
        UNSIGNED("refused: the X-Zendesk-Webhook-Signature or X-Zendesk-Webhook-Signature-Timestamp header is missing"),
        BAD_TIMESTAMP("refused: X-Zendesk-Webhook-Signature-Timestamp is not a time (expected e.g. 2021-03-25T05:09:27Z)"),
        BAD_SIGNATURE("refused: the signature does not match the body and timestamp under zendesk.webhook-secret"),
        STALE("refused: the delivery is more than 5 minutes old"),
        FROM_THE_FUTURE("refused: the delivery's timestamp is more than a minute ahead of the hub's clock"),
        REPLAYED("refused: this delivery (its signature or invocation id) was accepted before");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        /** Plain words for logs and the refusal's answer; never shows the secret. */
        public String reason() {
            return reason;
        }

        public boolean accepted() {
            return this == ACCEPTED;
        }
    }

    /**
     * @param signature    X-Zendesk-Webhook-Signature as sent
     * @param timestamp    X-Zendesk-Webhook-Signature-Timestamp as sent (signed as text, exactly as received)
     * @param body         the raw body, exactly the bytes received (empty for a delivery without one)
     * @param invocationId X-Zendesk-Webhook-Invocation-Id, or null when absent
     */
    public Verdict verify(String signature, String timestamp, byte[] body, String invocationId) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            return Verdict.NO_SECRET;
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Verdict.UNSIGNED;
        }
        Instant signedAt;
        try {
            signedAt = parse(timestamp.strip());
        } catch (DateTimeException | NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        byte[] expected = hmac(signingSecret, timestamp, body == null ? new byte[0] : body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            return Verdict.BAD_SIGNATURE;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.BAD_SIGNATURE;
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_AGE))) {
            return Verdict.STALE;
        }
        if (signedAt.isAfter(now.plus(MAX_AHEAD))) {
            return Verdict.FROM_THE_FUTURE;
        }
        boolean first = replays.firstSighting(now, signedAt.plus(MAX_AGE), "signature:" + signature.strip(),
                invocationId == null || invocationId.isBlank() ? null : "invocation:" + invocationId.strip());
        return first ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }

    /** base64(HMAC-SHA256(secret, timestamp + body)): how Zendesk signs, for a simulator or a test that sends as Zendesk would. */
    public static String signature(Secret signingSecret, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(signingSecret, timestamp, body));
    }

    private static byte[] hmac(Secret secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // Zendesk keys the HMAC with the secret's text as shown in Admin Center, not with its base64 decoding
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Zendesk sends an ISO-8601 instant (2021-03-25T05:09:27Z); epoch seconds are read too. */
    private static Instant parse(String timestamp) {
        if (timestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        return Instant.parse(timestamp);
    }
}
