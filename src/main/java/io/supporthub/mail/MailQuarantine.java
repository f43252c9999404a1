package io.supporthub.mail;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Keeps mail that could not be processed, raw and whole, with the error, so it can be replayed. */
public class MailQuarantine {

    private final Transactions transactions;

    public MailQuarantine(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Stores the mail and returns the quarantine id. */
    public long store(String mailbox, byte[] raw, String error) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "insert into mail_quarantine (mailbox, raw, raw_sha256, error) values (?, ?, ?, ?) returning id")) {
                st.setString(1, mailbox);
                st.setBytes(2, raw);
                st.setString(3, RawMail.sha256(raw));
                st.setString(4, error == null ? "unknown error" : error);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
