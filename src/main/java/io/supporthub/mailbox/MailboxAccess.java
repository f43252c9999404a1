package io.supporthub.mailbox;

import java.util.Properties;

/**
 * How to reach one mailbox: its settings, its login (password, or a fresh XOAUTH2 access token each
 * time) and the extra Jakarta Mail settings the login needs.
 */
public record MailboxAccess(MailboxSettings settings, MailboxAuthenticator login, Properties javaMailProperties) {
}
