package io.supporthub.mail.filter;

import io.supporthub.mail.mime.ParsedMail;

/** One named stage of the intake chain: looks at a parsed mail and accepts it or says why not. */
public interface MailFilter {

    /** A stable, short name recorded with every decision, e.g. {@code oversize}. */
    String name();

    MailDecision decide(ParsedMail mail);
}
