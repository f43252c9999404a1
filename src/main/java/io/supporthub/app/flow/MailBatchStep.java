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

    /** Commits what can go together; returns the mails to commit one by one. */
    public List<ReceivedMail> commit(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch) {
        return commit.commit(poll, batch);
    }

    /** Whether this one-by-one mail is tried now; not once the database has gone away. */
    public boolean takeAlone(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch,
                             @ExchangeProperty(Exchange.SPLIT_INDEX) int index) {
        return commit.takeAlone(poll, batch, index);
    }

    /** However the commit went: the poll may hand over its next batch. */
    public void committed(@ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch) {
        batch.committerDone();
    }
}
