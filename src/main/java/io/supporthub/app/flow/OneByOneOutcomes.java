package io.supporthub.app.flow;

import io.supporthub.mailbox.MailBatch;
import io.supporthub.mailbox.MailBatchCommit;
import io.supporthub.mailbox.MailboxPoll;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Hands how each mail committed one by one ended to {@link MailBatchCommit#aloneEnded}: its error stays with the mail
 * (which then stays unseen), never failing the batch.
 */
public class OneByOneOutcomes implements AggregationStrategy {

    private final MailBatchCommit commit;

    public OneByOneOutcomes(MailBatchCommit commit) {
        this.commit = commit;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        MailBatch batch = newExchange.getProperty(PropertyNames.MAIL_BATCH, MailBatch.class);
        MailboxPoll poll = newExchange.getProperty(PropertyNames.MAILBOX_POLL, MailboxPoll.class);
        commit.aloneEnded(poll, batch, newExchange.getProperty(Exchange.SPLIT_INDEX, Integer.class), newExchange.getException());
        newExchange.setException(null);
        return oldExchange != null ? oldExchange : newExchange;
    }
}
