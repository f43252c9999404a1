package io.supporthub.mail.mime;

import java.util.Locale;

/** A mailbox from an address header: the address as written and the decoded display name (may be null). */
public record MailAddress(String address, String displayName) {

    /** Lower-cased address for comparisons; the local part is case-sensitive in theory, never in practice. */
    public String normalized() {
        return address.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
