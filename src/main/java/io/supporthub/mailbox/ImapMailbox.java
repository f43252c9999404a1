package io.supporthub.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One poll's connection to a mailbox folder, speaking in UIDs: the unseen mail, the bytes of a batch
 * in one {@code UID FETCH} (with {@code BODY.PEEK[]}, so nothing is flagged by reading), and the
 * {@code \Seen} flag for a batch in one {@code UID STORE}. The raw bytes are the server's, untouched:
 * they are what the hub parses, hashes and quarantines.
 */
public final class ImapMailbox implements AutoCloseable {

    /** A message as fetched: its UID and exactly the bytes the server holds. */
    public record FetchedMessage(long uid, byte[] raw) {
    }

    private final Store store;
    private final IMAPFolder folder;

    private ImapMailbox(Store store, IMAPFolder folder) {
        this.store = store;
        this.folder = folder;
    }

    /** Logs in and selects the folder; the login's password comes fresh from {@code login} (an OAuth access token for XOAUTH2). */
    public static ImapMailbox open(MailboxSettings mailbox, Properties extraProperties, Supplier<PasswordAuthentication> login)
            throws MessagingException {
        Session session = Session.getInstance(properties(mailbox, extraProperties));
        Store store = session.getStore(mailbox.protocol());
        try {
            PasswordAuthentication credentials = login.get();
            store.connect(mailbox.host(), mailbox.port(), credentials.getUserName(), credentials.getPassword());
            IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            return new ImapMailbox(store, folder);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /** Without timeouts a server that stops answering would hang this mailbox's poll forever, silently. */
    static Properties properties(MailboxSettings mailbox, Properties extra) {
        Properties p = new Properties();
        String prefix = "mail." + mailbox.protocol() + ".";
        long timeout = mailbox.timeout().toMillis();
        p.setProperty(prefix + "connectiontimeout", Long.toString(Math.min(timeout, 10_000)));
        p.setProperty(prefix + "timeout", Long.toString(timeout));
        p.setProperty(prefix + "writetimeout", Long.toString(timeout));
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        p.putAll(extra);
        return p;
    }

    public long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    /** UIDs of the messages not flagged seen, ascending. */
    public List<Long> unseenUids() throws MessagingException {
        return command("UID SEARCH UNSEEN", responses -> {
            List<Long> uids = new ArrayList<>();
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof IMAPResponse r && r.keyEquals("SEARCH")) {
                    for (long uid = r.readLong(); uid != -1; uid = r.readLong()) {
                        uids.add(uid);
                    }
                    responses[i] = null;
                }
            }
            uids.sort(null);
            return uids;
        });
    }

    /** Sizes in bytes by UID; a message expunged meanwhile is simply missing. */
    public Map<Long, Long> sizes(Collection<Long> uids) throws MessagingException {
        if (uids.isEmpty()) {
            return Map.of();
        }
        return command("UID FETCH " + UidSet.format(uids) + " (UID RFC822.SIZE)", responses -> {
            Map<Long, Long> sizes = new LinkedHashMap<>();
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(RFC822SIZE.class) != null) {
                    sizes.put(f.getItem(UID.class).uid, f.getItem(RFC822SIZE.class).size);
                    responses[i] = null;
                }
            }
            return sizes;
        });
    }

    /** The messages' bytes in one command, in UID order; a message expunged meanwhile is simply missing. */
    public List<FetchedMessage> fetch(Collection<Long> uids) throws MessagingException {
        if (uids.isEmpty()) {
            return List.of();
        }
        return command("UID FETCH " + UidSet.format(uids) + " (UID FLAGS RFC822.SIZE BODY.PEEK[])", responses -> {
            List<FetchedMessage> messages = new ArrayList<>();
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof FetchResponse f && f.getItem(UID.class) != null && f.getItem(BODY.class) != null) {
                    messages.add(new FetchedMessage(f.getItem(UID.class).uid, f.getItem(BODY.class).getByteArray().getNewBytes()));
                    responses[i] = null;
                }
            }
            messages.sort(java.util.Comparator.comparingLong(FetchedMessage::uid));
            return messages;
        });
    }

    /** Flags the messages seen in one command; UIDs expunged meanwhile are ignored by the server, as IMAP specifies. */
    public void markSeen(Collection<Long> uids) throws MessagingException {
        if (!uids.isEmpty()) {
            command("UID STORE " + UidSet.format(uids) + " +FLAGS.SILENT (\\Seen)", responses -> null);
        }
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        /** Reads what it needs and nulls the responses it consumed; the rest go to the folder's own handlers. */
        T read(Response[] responses) throws ProtocolException;
    }

    @SuppressWarnings("unchecked")
    private <T> T command(String command, ResponseReader<T> reader) throws MessagingException {
        return (T) folder.doCommand((IMAPProtocol protocol) -> {
            Response[] responses = protocol.command(command, null);
            Response status = responses[responses.length - 1];
            T result = status.isOK() ? reader.read(responses) : null;
            // untagged EXISTS/EXPUNGE keep the folder's own view current; then a NO or BAD becomes an exception
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(status);
            return result;
        });
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // the connection may be gone already; closing the store below releases what is left
        }
        closeQuietly(store);
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // nothing left to release
        }
    }
}
