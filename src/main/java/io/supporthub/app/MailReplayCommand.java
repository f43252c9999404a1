package io.supporthub.app;

import io.supporthub.app.flow.MailAdminStep;
import io.supporthub.db.Transactions;
import io.supporthub.mail.MailQuarantine;
import java.io.PrintStream;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * {@code mail-replay <id>|--all}: runs quarantined mail through the intake path again, as the admin API's replay does.
 * {@code --all} takes the mail that failed; a held mail (creation cap) is released by its id.
 */
final class MailReplayCommand {

    static final String USAGE = "usage: mail-replay <quarantine id> | --all";

    private MailReplayCommand() {
    }

    /** Replays on a running hub; returns the exit status (0 all replayed, 1 some failed, 2 bad arguments). */
    static int replay(HubApplication hub, List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        List<Long> ids;
        if (args.get(0).equals("--all")) {
            // mail that failed only: held mail is released one by one, by someone who looked at it
            ids = new MailQuarantine(new Transactions(hub.dataSource())).list(true, MailQuarantine.Kind.ERROR, 10_000).stream()
                    .map(MailQuarantine.Entry::id).sorted().toList();
        } else if (args.get(0).matches("\\d+")) {
            ids = List.of(Long.parseLong(args.get(0)));
        } else {
            err.println(USAGE);
            return 2;
        }
        int failed = 0;
        try (ProducerTemplate template = hub.camelContext().createProducerTemplate()) {
            for (long id : ids) {
                try {
                    out.println(id + " " + template.requestBody("direct:mail-replay", Long.toString(id), String.class));
                } catch (CamelExecutionException e) {
                    failed++;
                    err.println(id + " " + MailAdminStep.replayFailure(e.getCause() == null ? e : e.getCause()).getMessage());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.println("replayed " + (ids.size() - failed) + " of " + ids.size() + " quarantined mail(s)");
        return failed == 0 ? 0 : 1;
    }
}
