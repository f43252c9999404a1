package io.supporthub.mailbox;

import java.util.Collection;
import java.util.TreeSet;

/** IMAP UID sets as commands take them: runs of consecutive UIDs as ranges ({@code 4:9,12,15:16}). */
final class UidSet {

    private UidSet() {
    }

    static String format(Collection<Long> uids) {
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("an IMAP UID set cannot be empty");
        }
        StringBuilder out = new StringBuilder();
        long start = -1;
        long previous = -1;
        for (long uid : new TreeSet<>(uids)) {
            if (start < 0) {
                start = uid;
            } else if (uid != previous + 1) {
                append(out, start, previous);
                start = uid;
            }
            previous = uid;
        }
        append(out, start, previous);
        return out.toString();
    }

    private static void append(StringBuilder out, long start, long end) {
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(start);
        if (end != start) {
            out.append(':').append(end);
        }
    }
}
