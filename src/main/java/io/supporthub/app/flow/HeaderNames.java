package io.supporthub.app.flow;

/**
 * Every message header the routes and their beans share, declared once. Beans use these constants; YAML routes spell
 * the literal names, and {@code ExchangeVocabularyTest} fails when a route names a header missing here (Camel's own
 * names come from {@link org.apache.camel.Exchange}). Headers travel with the message to the endpoints it is sent
 * to, so only what an endpoint or the router reads belongs here; a bean's working state goes in a
 * {@link PropertyNames property}.
 */
public final class HeaderNames {

    // --- what triage sets and the content-based router in pipeline.camel.yaml reads
    public static final String CATEGORY = "hubCategory";
    public static final String PRIORITY = "hubPriority";
    public static final String CUSTOMER_TIER = "hubCustomerTier";
    public static final String EMERGENCY = "hubEmergency";
    public static final String REFUND_OVER_LIMIT = "hubRefundOverLimit";
    public static final String COMPLEX_TECHNICAL = "hubComplexTechnical";
    /** The category the mailbox a mail came to suggests (e.g. billing@), for triage to weigh. */
    public static final String CATEGORY_HINT = "hubCategoryHint";
    /** The queue of the mailbox a mail came to, when it has one (the mailbox-default routing rule). */
    public static final String MAILBOX_QUEUE = "hubMailboxQueue";
    public static final String MAILBOX_ADDRESS = "hubMailboxAddress";

    // --- what the router decides, for RoutingStep to write on the draft
    public static final String TIER = "hubTier";
    public static final String QUEUE = "hubQueue";
    public static final String ROUTING_RULE = "hubRoutingRule";
    public static final String ROUTING_REASON = "hubRoutingReason";

    // --- CRM enrichment
    public static final String REQUESTER_EMAIL = "hubRequesterEmail";
    /** Where the CRM answer came from: crm, cache or coalesced (a lookup for the same e-mail under way). */
    public static final String CRM_SOURCE = "hubCrmSource";

    // --- outcomes
    /** created or duplicate, after the pipeline's persist step. */
    public static final String OUTCOME = "hubOutcome";
    public static final String TICKET_KEY = "hubTicketKey";
    /** Ids of the notifications a mail's transaction queued, for the senders. */
    public static final String NOTIFICATIONS = "hubNotifications";
    /** The Slack channel an alert goes to (per audience, queue or tier). */
    public static final String SLACK_CHANNEL = "hubSlackChannel";

    // --- REST path and query parameters (camel-platform-http hands them over as headers)
    public static final String KEY = "key";
    public static final String ID = "id";
    public static final String TOKEN = "token";
    public static final String SCORE = "score";
    public static final String MESSAGE_ID = "message_id";
    public static final String TICKET = "ticket";
    public static final String PENDING = "pending";
    public static final String KIND = "kind";
    public static final String LIMIT = "limit";
    /** The connector a "test connection" call names in its path. */
    public static final String CONNECTOR_NAME = "name";

    // --- HTTP headers the API reads or answers with (Content-Type is Exchange.CONTENT_TYPE)
    public static final String AUTHORIZATION = "Authorization";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String CACHE_CONTROL = "Cache-Control";

    // --- mail headers camel-mail sends with (the rest of an outbound mail's headers come from the mail package)
    public static final String MAIL_TO = "To";
    public static final String MAIL_FROM = "From";
    public static final String MAIL_SUBJECT = "Subject";

    /** Set by camel-quartz on each run: when the trigger fires next (no constant in QuartzConstants). */
    public static final String QUARTZ_NEXT_FIRE_TIME = "nextFireTime";

    private HeaderNames() {
    }
}
