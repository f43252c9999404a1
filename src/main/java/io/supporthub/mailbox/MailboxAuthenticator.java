package io.supporthub.mailbox;

import io.supporthub.connector.oauth.OAuth2TokenSource;
import jakarta.mail.PasswordAuthentication;

/**
 * Logs the mailbox in: with XOAUTH2 the "password" Jakarta Mail sends is a fresh OAuth access
 * token (Jakarta Mail's XOAUTH2 mechanism expects exactly that); otherwise the configured password.
 */
public class MailboxAuthenticator {

    private final String username;
    private final String password;
    private final OAuth2TokenSource tokens;

    private MailboxAuthenticator(String username, String password, OAuth2TokenSource tokens) {
        this.username = username;
        this.password = password;
        this.tokens = tokens;
    }

    public static MailboxAuthenticator password(String username, String password) {
        return new MailboxAuthenticator(username, password, null);
    }

    public static MailboxAuthenticator xoauth2(String username, OAuth2TokenSource tokens) {
        return new MailboxAuthenticator(username, null, tokens);
    }

    public boolean usesXoauth2() {
        return tokens != null;
    }

    /** The login to send now: for XOAUTH2 a fresh access token each time. */
    public PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(username, tokens != null ? tokens.accessToken().reveal() : password);
    }
}
