package io.supporthub.app.flow;

/**
 * Every exchange property the routes and their beans share, declared once: a step's working state, which stays
 * on the exchange and never leaves with the message. Beans use these constants; YAML routes spell the literal names,
 * and {@code ExchangeVocabularyTest} fails when a route names a property missing here (Camel's own names come from
 * {@link org.apache.camel.Exchange}).
 */
public final class PropertyNames {

    // --- notifications
    /** The notification claimed from the outbox, for the send's outcome to be recorded on. */
    public static final String NOTIFICATION = "hubNotification";

    // --- the SLA sweep
    /** When this run of the sweep hands over to the next one. */
    public static final String SWEEP_UNTIL = "hubSweepUntil";
    public static final String SWEEP_RESULT = "hubSweepResult";

    // --- mailbox intake
    public static final String MAILBOX_POLL = "hubMailboxPoll";
    public static final String MAIL_BATCH = "hubMailBatch";
    public static final String RECEIVED_MAIL = "hubReceivedMail";
    public static final String INBOUND_MAIL = "hubInboundMail";
    /** What threading found for a mail. */
    public static final String THREAD = "hubThread";
    /** recorded, reply, ticket, or the filter's decision. */
    public static final String MAIL_PATH = "hubMailPath";

    // --- quarantine replay
    public static final String QUARANTINE_ID = "hubQuarantineId";
    /** Set when the replayed mail was held by a policy and an agent released it. */
    public static final String RELEASE_HELD = "hubReleaseHeld";
    public static final String MESSAGE_KEY = "hubMessageKey";

    // --- CRM
    public static final String CRM_CUSTOMER = "hubCrmCustomer";
    public static final String RE_ENRICHMENT_JOB = "hubReEnrichmentJob";

    private PropertyNames() {
    }
}
