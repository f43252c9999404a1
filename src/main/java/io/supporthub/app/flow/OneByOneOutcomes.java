package io.supporthub.app.flow;

import io.supporthub.db.DatabaseException;
import io.supporthub.mail.ReceivedMail;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how each mail committed one by one ended: done (its effect committed, or it was quarantined),
 * or left unseen for the next poll when its error outlasted the single-mail retries. After a database
 * outage the poll stops, so the rest of the batch waits too instead of retrying mail after mail.
 */
public class OneByOneOutcomes implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(OneByOneOutcomes.class);

    /** Set by the one-by-one route on a mail it did not try because the poll had stopped. */
    static final String SKIPPED = "hubMailSkipped";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        MailBatch batch = newExchange.getProperty("hubMailBatch", MailBatch.class);
        MailboxPoll poll = batch.poll();
        ReceivedMail mail = batch.oneByOne().get(newExchange.getProperty(Exchange.SPLIT_INDEX, Integer.class));
        Exception error = newExchange.getException();
        if (error != null) {
            LOG.warn("Mailbox {}: {} stays unseen for the next poll: {}", poll.mailbox().name(), mail, MailIntakeStep.describe(error));
            if (DatabaseException.isUnavailable(error)) {
                poll.databaseDown("the database is unavailable (" + MailIntakeStep.describe(error) + ")");
            }
            newExchange.setException(null);
        } else if (!Boolean.TRUE.equals(newExchange.getProperty(SKIPPED, Boolean.class))) {
            batch.done(mail);
        }
        return oldExchange != null ? oldExchange : newExchange;
    }
}
