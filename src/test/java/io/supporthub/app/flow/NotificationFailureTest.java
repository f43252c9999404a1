package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class NotificationFailureTest {

    @Test
    void an_address_the_mail_library_refuses_fails_for_good_however_deeply_it_is_wrapped() {
        AddressException malformed = refused("ann@exa mple.com");
        assertThat(NotificationStep.isPermanent(malformed)).isTrue();
        assertThat(NotificationStep.isPermanent(new RuntimeCamelException(new MessagingException("send failed", malformed)))).isTrue();
    }

    @Test
    void a_server_that_cannot_be_reached_is_retried() {
        assertThat(NotificationStep.isPermanent(new MessagingException("connect failed", new ConnectException("refused")))).isFalse();
        assertThat(NotificationStep.isPermanent(null)).isFalse();
    }

    private static AddressException refused(String address) {
        try {
            new InternetAddress(address, true);
            throw new AssertionError(address + " was accepted");
        } catch (AddressException e) {
            return e;
        }
    }
}
