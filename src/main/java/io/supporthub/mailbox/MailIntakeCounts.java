package io.supporthub.mailbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mail taken in, by mailbox and by what became of it (counter {@code supporthub.mail.intake}, tags {@code mailbox} and
 * {@code outcome}: ticket, comment, decision, held, recorded_before, quarantined), counted where it commits: with its
 * batch, one by one, or into quarantine. The per-mail routes carry no route metrics (see HubApplication), so this is
 * where an operator sees the intake rate and its mix.
 */
public final class MailIntakeCounts {

    static final String QUARANTINED = "quarantined";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public MailIntakeCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String mailbox, MailIntake.Effect effect) {
        count(mailbox, effect.name().toLowerCase(Locale.ROOT));
    }

    void count(String mailbox, String outcome) {
        String name = mailbox == null ? "unknown" : mailbox;
        counters.computeIfAbsent(name + '\u0000' + outcome, key -> Counter.builder("supporthub.mail.intake")
                .description("Mails taken in, by mailbox and by what became of them")
                .tag("mailbox", name).tag("outcome", outcome).register(registry)).increment();
    }
}
