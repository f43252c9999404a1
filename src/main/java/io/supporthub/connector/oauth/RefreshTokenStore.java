package io.supporthub.connector.oauth;

import io.supporthub.connector.spi.Secret;

/** Where the current refresh token of a connection lives, so a rotated one survives a restart. */
public interface RefreshTokenStore {

    Secret current();

    void replace(Secret rotated);
}
