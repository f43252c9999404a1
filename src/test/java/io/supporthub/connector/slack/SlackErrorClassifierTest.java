package io.supporthub.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

/** Slack's answers in the words camel-slack fails with, each given its kind; NotificationFailureTest covers what the notify step does with them. */
class SlackErrorClassifierTest {

    private final SlackErrorClassifier classifier = new SlackErrorClassifier();

    @Test
    void a_removed_webhook_is_permanent_and_a_webhook_whose_token_was_revoked_is_an_authentication_failure() {
        ConnectorFailure gone = classifier.classify(slack("WebhookResponse(code=404, message=Not Found, headers={}, body=no_service)"));
        assertThat(gone.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(gone.reason()).isEqualTo("Slack refused the alert (HTTP 404: no_service); check slack.webhook-url");
        ConnectorFailure revoked = classifier.classify(slack("WebhookResponse(code=403, message=Forbidden, headers={}, body=invalid_token)"));
        assertThat(revoked.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(revoked.reason()).isEqualTo("Slack refused the alert (HTTP 403: invalid_token); check slack.webhook-url");
    }

    @Test
    void a_webhooks_rate_limit_carries_the_retry_after_slack_sent() {
        ConnectorFailure limited = classifier.classify(new RuntimeCamelException(slack(
                "WebhookResponse(code=429, message=Too Many Requests, headers={retry-after=[30]}, body=rate_limited)")));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void web_api_errors_are_told_apart_by_what_would_fix_them() {
        assertThat(classifier.classify(slack("ChatPostMessageResponse(ok=false, warning=null, error=invalid_auth, needed=null)")).kind())
                .isEqualTo(Kind.AUTHENTICATION);
        assertThat(classifier.classify(slack("ChatPostMessageResponse(ok=false, warning=null, error=missing_scope, needed=chat:write)")).kind())
                .isEqualTo(Kind.AUTHENTICATION);
        assertThat(classifier.classify(slack("ChatPostMessageResponse(ok=false, warning=null, error=is_archived, needed=null)")).kind())
                .isEqualTo(Kind.PERMANENT);
        assertThat(classifier.classify(slack("ChatPostMessageResponse(ok=false, warning=null, error=ratelimited, needed=null, "
                + "httpResponseHeaders={Retry-After=[12]})"))).satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(f.retryAfter()).contains(Duration.ofSeconds(12));
                });
        assertThat(classifier.classify(slack("ChatPostMessageResponse(ok=false, warning=null, error=internal_error, needed=null)")).kind())
                .isEqualTo(Kind.RETRIABLE);
    }

    @Test
    void server_errors_unreachable_slack_and_surprises_are_retriable() {
        assertThat(classifier.classify(slack("WebhookResponse(code=503, message=Service Unavailable, headers={}, body=)")).kind())
                .isEqualTo(Kind.RETRIABLE);
        assertThat(classifier.classify(new RuntimeCamelException(new ConnectException("Connection refused"))).reason())
                .startsWith("Slack could not be reached");
        assertThat(classifier.classify(new IllegalStateException("surprise")).kind()).isEqualTo(Kind.RETRIABLE);
    }

    private static Exception slack(String response) {
        return new CamelExchangeException("Error POSTing to Slack API: " + response, null);
    }
}
