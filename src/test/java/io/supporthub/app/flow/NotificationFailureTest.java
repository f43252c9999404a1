package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class NotificationFailureTest {

    @Test
    void an_address_the_mail_library_refuses_fails_for_good_however_deeply_it_is_wrapped() {
        AddressException malformed = refused("ann@exa mple.com");
        assertThat(NotificationStep.permanentFailure(malformed)).isEqualTo("the address is malformed");
        assertThat(NotificationStep.permanentFailure(new RuntimeCamelException(new MessagingException("send failed", malformed))))
                .isEqualTo("the address is malformed");
    }

    @Test
    void a_server_that_cannot_be_reached_is_retried() {
        assertThat(NotificationStep.permanentFailure(new MessagingException("connect failed", new ConnectException("refused")))).isNull();
        assertThat(NotificationStep.permanentFailure(null)).isNull();
    }

    @Test
    void a_webhook_slack_no_longer_knows_fails_for_good_but_its_rate_limit_and_outages_are_retried() {
        assertThat(NotificationStep.permanentFailure(slack("WebhookResponse(code=404, message=Not Found, headers={content-type=[text/html]}, "
                + "body=no_service)"))).isEqualTo("Slack refused the alert (HTTP 404: no_service); check slack.webhook-url");
        assertThat(NotificationStep.permanentFailure(slack("WebhookResponse(code=403, message=Forbidden, headers={}, body=invalid_token)")))
                .startsWith("Slack refused the alert (HTTP 403: invalid_token)");
        assertThat(NotificationStep.permanentFailure(slack("WebhookResponse(code=429, message=Too Many Requests, headers={retry-after=[30]}, "
                + "body=rate_limited)"))).isNull();
        assertThat(NotificationStep.permanentFailure(slack("WebhookResponse(code=503, message=Service Unavailable, headers={}, body=)"))).isNull();
    }

    @Test
    void a_channel_the_app_cannot_post_to_fails_for_good_but_a_slack_server_error_is_retried() {
        assertThat(NotificationStep.permanentFailure(slack("ChatPostMessageResponse(ok=false, warning=null, error=channel_not_found, "
                + "needed=null, provided=null, httpResponseHeaders={}, deprecatedArgument=null, errors=null)")))
                .startsWith("Slack refused the alert (channel_not_found); check slack.token, slack.channel and slack.channels");
        assertThat(NotificationStep.permanentFailure(slack("ChatPostMessageResponse(ok=false, warning=null, error=not_in_channel, needed=null)")))
                .contains("not_in_channel");
        assertThat(NotificationStep.permanentFailure(slack("ChatPostMessageResponse(ok=false, warning=null, error=internal_error, needed=null)")))
                .isNull();
        assertThat(NotificationStep.permanentFailure(slack("ChatPostMessageResponse(ok=false, warning=null, error=ratelimited, needed=null)")))
                .isNull();
    }

    /** camel-slack's exception for a response Slack did not accept. */
    private static Exception slack(String response) {
        return new org.apache.camel.CamelExchangeException("Error POSTing to Slack API: " + response, null);
    }

    private static AddressException refused(String address) {
        try {
            new InternetAddress(address, true);
            throw new AssertionError(address + " was accepted");
        } catch (AddressException e) {
            return e;
        }
    }
}
