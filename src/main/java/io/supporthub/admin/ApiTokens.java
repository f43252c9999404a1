package io.supporthub.admin;

import io.supporthub.db.Transactions;
import io.supporthub.mail.RawMail;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;

/** Bearer tokens for the API, stored as SHA-256 hashes so a database dump reveals none. */
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;

    public ApiTokens(Transactions transactions) {
        this.transactions = transactions;
    }

    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "shub_" + HexFormat.of().formatHex(bytes);
    }

    /** Installs (or replaces) the token of a named principal. */
    public void install(String name, String token, ApiRole role) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "insert into api_token (name, token_sha256, role) values (?, ?, ?) "
                            + "on conflict (name) do update set token_sha256 = excluded.token_sha256, role = excluded.role, revoked_at = null")) {
                st.setString(1, name);
                st.setString(2, RawMail.sha256(token));
                st.setString(3, role.code());
                return st.executeUpdate();
            }
        });
    }

    /** Checks an Authorization header and returns the caller's role, or 401/403 as an {@link ApiException}. */
    public ApiRole authorize(String authorizationHeader, ApiRole required) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "missing bearer token: send 'Authorization: Bearer <token>'");
        }
        String token = authorizationHeader.substring(7).trim();
        ApiRole role = roleOf(token).orElseThrow(() -> new ApiException(401, "unknown or revoked token"));
        if (!role.includes(required)) {
            throw new ApiException(403, "this token's role (" + role.code() + ") may not do this; " + required.code() + " is needed");
        }
        return role;
    }

    private Optional<ApiRole> roleOf(String token) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select role from api_token where token_sha256 = ? and revoked_at is null")) {
                st.setString(1, RawMail.sha256(token));
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(ApiRole.fromCode(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
