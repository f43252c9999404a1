package io.supporthub.mail;

import io.supporthub.mail.mime.MailAttachment;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.ticket.IncomingAttachment;
import io.supporthub.ticket.IncomingAttachment.Origin;
import io.supporthub.ticket.TicketContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a read mail carries, as the ticket stores them: its own attachments, the contents of a
 * winmail.dat, and the files inside forwarded messages, each forwarded message also kept whole as
 * .eml after the files it carries, so when the per-mail budget runs short the files win.
 */
public final class CarriedFiles {

    private CarriedFiles() {
    }

    public static TicketContent of(ParsedMail mail) {
        List<IncomingAttachment> files = new ArrayList<>();
        collect(mail, false, files);
        return new TicketContent(mail.sanitizedHtml(), files);
    }

    private static void collect(ParsedMail mail, boolean forwarded, List<IncomingAttachment> files) {
        List<IncomingAttachment> enclosures = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            Origin origin = a.fromTnef() ? Origin.TNEF : forwarded ? Origin.FORWARDED : Origin.MAIL;
            IncomingAttachment file = new IncomingAttachment(a.filename(), a.contentType(), a.size(), a.contentId(), a.inline(),
                    origin, a.content());
            (isEnclosedMessage(a) ? enclosures : files).add(file);
        }
        for (ParsedMail inner : mail.forwarded()) {
            collect(inner, true, files);
        }
        files.addAll(enclosures);
    }

    /** The reader keeps every enclosed message/rfc822 (and message/global) part as an .eml attachment of this type. */
    private static boolean isEnclosedMessage(MailAttachment a) {
        return a.contentType().equals("message/rfc822") && !a.fromTnef();
    }
}
