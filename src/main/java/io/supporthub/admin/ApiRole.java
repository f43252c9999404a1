package io.supporthub.admin;

import java.util.Locale;

/** What a bearer token may do; each role includes the ones below it. */
public enum ApiRole {
    VIEWER, AGENT, ADMIN;

    public boolean includes(ApiRole required) {
        return ordinal() >= required.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiRole fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
