package io.supporthub.mail.filter;

import io.supporthub.mail.mime.ParsedMail;
import java.util.List;

/** Runs the intake filters in order and returns the first decision that is not ACCEPT. */
public final class MailFilterChain {

    private final List<MailFilter> filters;

    public MailFilterChain(List<MailFilter> filters) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a filter chain needs at least one filter");
        }
        this.filters = List.copyOf(filters);
    }

    /** The DESIGN.md §5 order: oversize, then automatic mail, then our own notifications coming back. */
    public static MailFilterChain standard(String ownMessageIdDomain) {
        return new MailFilterChain(List.of(
                new OversizeFilter(),
                new AutomaticMailFilter(),
                new OwnNotificationFilter(ownMessageIdDomain)));
    }

    /** Never null: a mail every filter accepts gets an ACCEPT naming the last filter. */
    public MailDecision decide(ParsedMail mail) {
        MailDecision decision = null;
        for (MailFilter filter : filters) {
            decision = filter.decide(mail);
            if (!decision.accepted()) {
                return decision;
            }
        }
        return decision;
    }

    public List<String> names() {
        return filters.stream().map(MailFilter::name).toList();
    }
}
