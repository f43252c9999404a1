package io.supporthub.app.flow;

import io.supporthub.mail.ReceivedMail;
import io.supporthub.mailbox.MailBatch;
import io.supporthub.mailbox.MailBatchCommit;
import io.supporthub.mailbox.MailboxPoll;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The batch commit route's steps, on a committer's thread; the work is {@link MailBatchCommit}'s. */
public class MailBatchStep {

    private final MailBatchCommit commit;

    public MailBatchStep(MailBatchCommit commit) {
        this.commit = commit;
    }

    /**
     * The committer takes the batch: it is released when this exchange completes, however the commit went, and the poll
     * may then hand over its next one. Resource release, not an error policy: the route's policy sees a failure first.
     */
    public void take(@ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch, Exchange exchange) {
        ReleasedWithExchange.register(exchange, batch::committerDone);
    }

    /** Commits what can go together; returns the mails to commit one by one. */
    public List<ReceivedMail> commit(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll,
                                     @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch) {
        return commit.commit(poll, batch);
    }

    /** Whether this one-by-one mail is tried now; not once the database has gone away. */
    public boolean takeAlone(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch,
                             @ExchangeProperty(Exchange.SPLIT_INDEX) int index) {
        return commit.takeAlone(poll, batch, index);
    }
}
