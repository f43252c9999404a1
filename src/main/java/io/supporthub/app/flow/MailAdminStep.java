package io.supporthub.app.flow;

import io.supporthub.admin.ApiException;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.admin.MailAdminApi;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mailbox.MailPreparation;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/** The mail admin routes' steps: decision queries, the quarantine list, and replaying a quarantined mail through intake. */
public class MailAdminStep {

    private final MailAdminApi api;
    private final InboundMailReader reader;
    private final ApiTokens tokens;

    public MailAdminStep(MailAdminApi api, InboundMailReader reader, ApiTokens tokens) {
        this.api = api;
        this.reader = reader;
        this.tokens = tokens;
    }

    /**
     * Releasing mail a policy held (the creation cap) is an agent's daily work, as recovering a suspended ticket is in
     * Zendesk; replaying mail that failed re-runs what broke intake, which stays with admins.
     */
    public void authorizeReplay(@Header(HeaderNames.ID) String id, @Header(HeaderNames.AUTHORIZATION) String authorization) {
        ApiRole role = tokens.authorize(authorization, ApiRole.AGENT);
        if (!api.quarantined(id).held() && !role.includes(ApiRole.ADMIN)) {
            throw new ApiException(403, "this token's role (" + role.code() + ") may release held mail only; replaying mail that failed needs admin");
        }
    }

    public String decisions(@Header(HeaderNames.MESSAGE_ID) String messageId, @Header(HeaderNames.TICKET) String ticket) {
        return api.decisions(messageId, ticket);
    }

    public String quarantine(@Header(HeaderNames.PENDING) String pending, @Header(HeaderNames.KIND) String kind, @Header(HeaderNames.LIMIT) String limit) {
        return api.quarantine(pending, kind, limit);
    }

    /** Loads the quarantined mail named by the body (an id); the body becomes the mail as the intake path reads it. */
    public ReceivedMail load(String id, @ExchangeProperties Map<String, Object> properties) {
        MailQuarantine.Quarantined mail = api.quarantined(id);
        properties.put(PropertyNames.QUARANTINE_ID, mail.id());
        // a held mail is released: intake runs it although it is recorded, and the policy that held it stands aside
        if (mail.held()) {
            properties.put(PropertyNames.RELEASE_HELD, mail.id());
        } else {
            properties.remove(PropertyNames.RELEASE_HELD);
        }
        // The key is read here, before intake, because intake replaces the body with its own results.
        try {
            properties.put(PropertyNames.MESSAGE_KEY, reader.read(mail.asReceived()).receipt().messageKey());
        } catch (RuntimeException unreadable) {
            properties.put(PropertyNames.MESSAGE_KEY, null); // intake fails the same way next, and replayFailed reports it
        }
        return mail.asReceived();
    }

    public String replayed(@ExchangeProperty(PropertyNames.QUARANTINE_ID) long id, @ExchangeProperty(PropertyNames.MESSAGE_KEY) String messageKey) {
        return api.replayed(id, messageKey);
    }

    /**
     * The mail-replay-errors policy's step: a replay that fails again has left the mail in quarantine; the admin learns
     * why, with 422 (headers cleared as for every API error).
     */
    public String replayFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error, @Headers Map<String, Object> headers) {
        ApiException failure = replayFailure(error);
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, failure.status());
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return api.error(failure.status(), failure.getMessage());
    }

    /** What a failed replay tells its caller: a refusal (no such mail) as it is, else that the mail stays in quarantine, and why. */
    public static ApiException replayFailure(Throwable error) {
        if (error instanceof ApiException refusal) {
            return refusal;
        }
        return new ApiException(422, "replay failed, the mail stays in quarantine: " + MailPreparation.describe(error));
    }
}
