package io.supporthub.connector.oauth;

/** The token endpoint could not give an access token; retriable when trying again later may help. */
public class OAuth2Exception extends RuntimeException {

    private final boolean retriable;

    public OAuth2Exception(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
