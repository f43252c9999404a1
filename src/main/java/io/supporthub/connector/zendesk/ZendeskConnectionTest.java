package io.supporthub.connector.zendesk;

import io.supporthub.connector.spi.ConnectionTest;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tests the Zendesk settings with Show Self (GET /api/v2/users/me), which changes nothing: it passes
 * when Zendesk signs the token in as an agent or admin, and says in plain words what failed otherwise —
 * refused credentials, an address with no help desk, an anonymous or end-user answer (Zendesk answers
 * Show Self even without valid credentials), or an integration user id that is not the token's user.
 */
public final class ZendeskConnectionTest implements ConnectionTest {

    private final ZendeskSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ZendeskErrorClassifier errors;

    public ZendeskConnectionTest(ZendeskSettings settings) {
        this(settings, settings.enabled() ? ZendeskHttp.newClient(settings) : null, Clock.systemUTC());
    }

    public ZendeskConnectionTest(ZendeskSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.errors = new ZendeskErrorClassifier(clock);
    }

    @Override
    public String connector() {
        return "zendesk";
    }

    @Override
    public ConnectionTestResult run() {
        Instant start = clock.instant();
        if (!settings.enabled()) {
            return ConnectionTestResult.failed(connector(), ConnectorFailure.permanent(
                    "Zendesk sync is turned off (zendesk.enabled = false); nothing was tested"), Duration.ZERO);
        }
        ZendeskUser self;
        try {
            self = new ZendeskClient(settings, http, clock).showSelf();
        } catch (ZendeskException e) {
            return ConnectionTestResult.failed(connector(), errors.classify(e), since(start));
        }
        String account = settings.baseUrl().toString();
        if (self.id() == null) {
            return failed(ConnectorFailure.authentication("Zendesk at " + account + " answered as an anonymous visitor: it did not accept "
                    + settings.email() + " with the API token; check zendesk.email and zendesk.api-token"), start);
        }
        String who = self.name() + " <" + self.email() + ">, role " + self.role() + " (user id " + self.id() + ")";
        if (!self.isStaff()) {
            return failed(ConnectorFailure.authentication("Zendesk at " + account + " signed the token in as " + who
                    + ": an end user cannot work tickets through the API; give zendesk.email an agent or admin"), start);
        }
        if (settings.integrationUserId().isPresent() && settings.integrationUserId().getAsLong() != self.id()) {
            return failed(ConnectorFailure.permanent("Zendesk at " + account + " signs the token in as " + who
                    + ", but zendesk.integration-user-id is " + settings.integrationUserId().getAsLong()
                    + ": the hub would take its own changes for an agent's; set it to " + self.id()), start);
        }
        String webhooks = settings.webhookSecret().isEmpty()
                ? "; webhooks are refused until zendesk.webhook-secret is set (polling alone keeps sync)" : "";
        return ConnectionTestResult.passed(connector(), "Zendesk at " + account + " accepted the API token: signed in as " + who + webhooks,
                since(start));
    }

    private ConnectionTestResult failed(ConnectorFailure failure, Instant start) {
        return ConnectionTestResult.failed(connector(), failure, since(start));
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
