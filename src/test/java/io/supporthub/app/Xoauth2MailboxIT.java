package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.db.Transactions;
import io.supporthub.testing.HubUnderTest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mailbox logs in with XOAUTH2 (as Microsoft 365 and Google Workspace require): an access token
 * from the token endpoint, and the refresh token the provider rotates kept, sealed, in the database.
 */
class Xoauth2MailboxIT {

    static final String SUPPORT = "support@hub.test";
    /** GreenMail's XOAUTH2 takes the user's password as the access token. */
    static final String ACCESS_TOKEN = "access-token-1";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, ACCESS_TOKEN));

    @Test
    void mail_is_fetched_with_an_oauth_access_token_and_the_rotated_refresh_token_is_kept_sealed() throws Exception {
        WireMockServer idp = new WireMockServer(options().dynamicPort());
        idp.start();
        idp.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"refresh-2\"}")));
        String keys = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        try (HubApplication hub = new HubUnderTest().xoauth2Mailbox(greenMail.getImap().getPort(), SUPPORT, idp.baseUrl() + "/token", "refresh-1")
                .environment("HUB_SECRET_KEYS", keys).start()) {
            GreenMailUtil.sendTextEmail(SUPPORT, "ann@example.com", "Cannot log in", "My password reset link never arrives", greenMail.getSmtp().getServerSetup());

            await().atMost(Duration.ofSeconds(15)).until(() -> count(hub, "select count(*) from ticket where requester_email = 'ann@example.com'") == 1);
            String sealed = new Transactions(hub.dataSource()).read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("select sealed from connector_secret")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(sealed).startsWith("v1:k1:").doesNotContain("refresh-2");
        } finally {
            idp.stop();
        }
    }

    private static long count(HubApplication hub, String sql) {
        return new Transactions(hub.dataSource()).read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
