package io.supporthub.app;

import io.supporthub.mailbox.MailboxAuthenticator;
import io.supporthub.mailbox.MailboxSettings;
import io.supporthub.connector.oauth.OAuth2TokenSource;
import io.supporthub.connector.oauth.RefreshTokenStore;
import io.supporthub.connector.oauth.StoredRefreshToken;
import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.SecretCipher;
import io.supporthub.db.Transactions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/** How the mailbox logs in: password, or XOAUTH2 with tokens refreshed from the provider. */
final class MailboxLogin {

    private MailboxLogin() {
    }

    static MailboxAuthenticator authenticator(HubSettings hub, MailboxSettings mailbox, Transactions transactions) {
        if (mailbox.oauth2() == null) {
            return MailboxAuthenticator.password(mailbox.username(), mailbox.password().reveal());
        }
        if (hub.secretKeys().isEmpty()) {
            throw new ConfigException("application.properties", "hub.secret-keys",
                    "is needed with mailbox.auth=xoauth2: the hub keeps the rotated refresh token sealed with it (set HUB_SECRET_KEYS)");
        }
        MailboxSettings.OAuth2 oauth2 = mailbox.oauth2();
        RefreshTokenStore store = new StoredRefreshToken("mailbox:" + mailbox.address() + ":refresh-token", oauth2.refreshToken(), transactions,
                SecretCipher.fromKeyList(hub.secretKeys().reveal()));
        OAuth2TokenSource tokens = new OAuth2TokenSource(oauth2.tokenUrl(), oauth2.clientId(), oauth2.clientSecret(), oauth2.scope(), store,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC());
        return MailboxAuthenticator.xoauth2(mailbox.username(), tokens);
    }

    /** Jakarta Mail settings for the IMAP session: XOAUTH2 only, when the mailbox uses it. */
    static Properties javaMailProperties(MailboxAuthenticator authenticator) {
        Properties properties = new Properties();
        if (authenticator.usesXoauth2()) {
            for (String protocol : new String[] {"imap", "imaps"}) {
                properties.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            }
        }
        return properties;
    }

}
