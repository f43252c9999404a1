package io.supporthub.connector.oauth;

import io.supporthub.connector.spi.Secret;
import io.supporthub.connector.spi.SecretCipher;
import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A refresh token kept encrypted in {@code connector_secret}: the configured token is the start,
 * and once the provider rotates it the stored one wins, across restarts and hub instances.
 */
public class StoredRefreshToken implements RefreshTokenStore {

    private final String name;
    private final Secret configured;
    private final Transactions transactions;
    private final SecretCipher cipher;

    public StoredRefreshToken(String name, Secret configured, Transactions transactions, SecretCipher cipher) {
        this.name = name;
        this.configured = configured;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public Secret current() {
        String sealed = transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select sealed from connector_secret where name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (sealed == null) {
            return configured;
        }
        Secret token = cipher.decrypt(sealed);
        if (cipher.needsRotation(sealed)) {
            replace(token);   // re-seal with the current key while we hold the clear value
        }
        return token;
    }

    @Override
    public void replace(Secret rotated) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "insert into connector_secret (name, sealed) values (?, ?) on conflict (name) do update set sealed = excluded.sealed, updated_at = now()")) {
                st.setString(1, name);
                st.setString(2, cipher.encrypt(rotated.reveal()));
                return st.executeUpdate();
            }
        });
    }
}
