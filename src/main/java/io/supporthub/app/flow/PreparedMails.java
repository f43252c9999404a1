package io.supporthub.app.flow;

import io.supporthub.mailbox.MailBatch;
import io.supporthub.mailbox.PreparedMail;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects what preparing each mail of a batch gave into the batch, by the mail's place in the batch;
 * a mail whose preparing threw is kept with its error (and goes one by one), never failing the batch.
 */
public class PreparedMails implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        MailBatch batch = newExchange.getProperty(PropertyNames.MAIL_BATCH, MailBatch.class);
        int index = newExchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        Exception error = newExchange.getException();
        PreparedMail prepared = newExchange.getMessage().getBody() instanceof PreparedMail p ? p : null;
        if (error != null || prepared == null) {
            batch.failed(index, error != null ? error : new IllegalStateException("preparing gave no prepared mail"));
            newExchange.setException(null);
        } else {
            batch.prepared(index, prepared);
        }
        return oldExchange != null ? oldExchange : newExchange;
    }
}
