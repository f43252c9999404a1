package io.supporthub.connector.zendesk;

import io.supporthub.connector.spi.ConnectorErrorClassifier;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.HttpFailures;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads the client's failures: 401 and 403 refuse the credentials; 404 and 422 refuse the request for
 * good, with Zendesk's error, description and details; 409 (a conflicting update) and 5xx pass; 429 is
 * a rate limit with its Retry-After; no answer (timeouts, refused connections) passes; a request the hub
 * held back is a rate limit with the hub's own wait; a file over the size limit is permanent.
 */
public final class ZendeskErrorClassifier implements ConnectorErrorClassifier {

    private static final String CHECK_CREDENTIALS = "check zendesk.email and zendesk.api-token, and that token access is turned on "
            + "(Admin Center > Apps and integrations > Zendesk API)";

    private final Clock clock;

    public ZendeskErrorClassifier(Clock clock) {
        this.clock = clock;
    }

    public ZendeskErrorClassifier() {
        this(Clock.systemUTC());
    }

    @Override
    public ConnectorFailure classify(Throwable error) {
        Optional<ZendeskException> zendesk = ConnectorErrorClassifier.causeOf(error, ZendeskException.class);
        if (zendesk.isPresent()) {
            return of(zendesk.get(), error);
        }
        return HttpFailures.ofTransport("Zendesk", error).orElseGet(() -> ConnectorFailure.retriable(
                "the Zendesk call failed unexpectedly (" + describe(error) + ")"));
    }

    private ConnectorFailure of(ZendeskException e, Throwable error) {
        String operation = e.endpoint().title();
        return switch (e.problem()) {
            case REFUSED -> ofAnswer(e, operation);
            case NO_ANSWER -> HttpFailures.ofTransport("Zendesk", error).orElseGet(() -> ConnectorFailure.retriable(
                    "Zendesk gave no answer to " + operation + " (" + describe(e.getCause()) + ")"));
            case UNREADABLE_ANSWER -> ConnectorFailure.permanent("Zendesk's answer to " + operation
                    + " is not Support API JSON (HTTP " + e.status() + "); check zendesk.base-url names the account, e.g. https://acme.zendesk.com");
            case HELD_BACK -> ConnectorFailure.rateLimited("the hub holds back " + operation + " to keep within Zendesk's rate limit", e.heldBackFor());
            case TOO_LARGE, MALWARE -> ConnectorFailure.permanent(e.getMessage());
            case INTERRUPTED -> ConnectorFailure.retriable(operation + " was interrupted (the hub is stopping)");
        };
    }

    /** What Zendesk's refusal means, by its status, with its own words. */
    private ConnectorFailure ofAnswer(ZendeskException e, String operation) {
        int status = e.status();
        ZendeskError said = e.said();
        String answered = "Zendesk refused " + operation + " (HTTP " + status + (said.isEmpty() ? "" : ": " + said.said()) + ")";
        return switch (status) {
            case 401 -> ConnectorFailure.authentication(answered + "; " + CHECK_CREDENTIALS);
            case 403 -> ConnectorFailure.authentication(answered + "; the user of zendesk.email must be an agent or admin allowed to "
                    + operation + ", and " + CHECK_CREDENTIALS);
            case 404 -> noHelpDesk(said) ? ConnectorFailure.permanent(answered + "; check zendesk.base-url")
                    : ConnectorFailure.permanent(answered + ": no such record in Zendesk");
            case 409 -> ConnectorFailure.retriable(answered + ": someone changed the ticket at the same time; read it again and retry");
            case 422 -> ConnectorFailure.permanent(answered + ": Zendesk finds the request invalid as sent");
            case 400 -> ConnectorFailure.permanent(answered + ": Zendesk cannot read the request as sent");
            case 429 -> ConnectorFailure.rateLimited(answered + ": Zendesk's rate limit, the hub slows down",
                    HttpFailures.retryAfter(e.retryAfter().orElse(null), clock.instant()));
            default -> HttpFailures.ofStatus("Zendesk", status, said.isEmpty() ? null : said.said(), e.retryAfter().orElse(null), clock.instant());
        };
    }

    /** Zendesk's answer for an address where no account lives: {"error": {"title": "No help desk at …"}}. */
    private static boolean noHelpDesk(ZendeskError said) {
        return said.error().startsWith("No help desk at") || said.error().equals("InvalidEndpoint");
    }

    private static String describe(Throwable error) {
        return error == null ? "no error given" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
