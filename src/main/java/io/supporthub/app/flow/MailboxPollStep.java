package io.supporthub.app.flow;

import io.supporthub.mailbox.MailBatch;
import io.supporthub.mailbox.MailboxPoll;
import io.supporthub.mailbox.MailboxPoller;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The mailbox routes' IMAP steps: a poll (exchange property {@code hubMailboxPoll}) logs in, gives batch after batch
 * (property {@code hubMailBatch}), hands each prepared batch to the committers, flags a committed batch's mails seen,
 * and logs out when its run ends. The work is {@link MailboxPoller}'s.
 */
public class MailboxPollStep {

    private final MailboxPoller poller;

    public MailboxPollStep(MailboxPoller poller) {
        this.poller = poller;
    }

    /**
     * Logs in and sets the poll as property {@code hubMailboxPoll}: null when the mailbox cannot be polled now (recorded
     * for liveness). The poll is closed when this exchange completes, however it ends: a finally that frees the connection
     * and waits for the last batches' commits, not an error policy (the route's policy sees the failure first).
     */
    public void open(String mailbox, Exchange exchange) {
        MailboxPoll poll = poller.open(mailbox);
        exchange.setProperty(PropertyNames.MAILBOX_POLL, poll);
        if (poll != null) {
            ReleasedWithExchange.register(exchange, () -> poller.close(poll));
        }
    }

    public boolean hasMore(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, Exchange exchange) {
        return poller.hasMore(poll, exchange.getContext().isStopping());
    }

    public MailBatch nextBatch(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll) {
        return poller.nextBatch(poll);
    }

    /** Returns once the batch may commit: fewer than two of this poll's batches are committing. */
    public void handOver(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch) {
        poller.handOver(poll, batch);
    }

    /** One STORE for the batch's done mails; returns the notifications their commits queued. */
    public List<Long> flagSeen(@ExchangeProperty(PropertyNames.MAILBOX_POLL) MailboxPoll poll, @ExchangeProperty(PropertyNames.MAIL_BATCH) MailBatch batch) {
        return poller.flagSeen(poll, batch);
    }
}
