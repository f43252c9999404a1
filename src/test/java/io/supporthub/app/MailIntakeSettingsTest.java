package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailIntakeSettingsTest {

    @Test
    void application_properties_gives_the_documented_defaults() throws Exception {
        MailIntakeSettings mail = HubCommand.loadHubSettings(name -> null).mail();
        assertThat(mail).isEqualTo(MailIntakeSettings.defaults());
        assertThat(mail.mimeLimits().maxAttachmentBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(mail.attachmentLimits().maxBytesPerMail()).isEqualTo(25L * 1024 * 1024);
        assertThat(mail.creationCap().perSender()).isEqualTo(10);
        assertThat(mail.creationCap().window()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_environment_sets_limits_with_units_and_the_attachment_limit_reaches_the_mime_reader() throws Exception {
        MailIntakeSettings mail = HubCommand.loadHubSettings(name -> switch (name) {
            case "HUB_MAIL_ATTACHMENT_MAX_SIZE" -> "512KB";
            case "HUB_MAIL_ATTACHMENT_MAX_PER_MAIL" -> "2 MB";
            case "HUB_MAIL_MAX_SIZE" -> "10485760";
            case "HUB_MAIL_CREATION_CAP_PER_SENDER" -> "3";
            case "HUB_MAIL_CREATION_CAP_WINDOW" -> "PT30M";
            case "HUB_MAIL_CREATION_CAP_EXEMPT" -> "Alerts@Example.com, @ops.example.com";
            default -> null;
        }).mail();
        assertThat(mail.mimeLimits().maxAttachmentBytes()).isEqualTo(512 * 1024);
        assertThat(mail.attachmentLimits().maxAttachmentBytes()).isEqualTo(512 * 1024);
        assertThat(mail.attachmentLimits().maxBytesPerMail()).isEqualTo(2 * 1024 * 1024);
        assertThat(mail.mimeLimits().maxTotalBytes()).isEqualTo(10_485_760);
        assertThat(mail.creationCap().perSender()).isEqualTo(3);
        assertThat(mail.creationCap().exempts("alerts@example.com")).isTrue();
        assertThat(mail.creationCap().exempts("pager@OPS.example.com")).isTrue();
        assertThat(mail.creationCap().exempts("ann@example.com")).isFalse();
    }

    @Test
    void a_wrong_size_names_the_key_and_what_is_expected() {
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.attachment.max-size", "twenty megs"))))
                .hasMessage("application.properties: key 'hub.mail.attachment.max-size' must be a size above 0 such as 20MB, 512KB "
                        + "or 1048576 (bytes), got 'twenty megs'");
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.max-size", "0KB")))).hasMessageContaining("hub.mail.max-size");
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.max-size", "99999999999GB")))).hasMessageContaining("hub.mail.max-size");
    }

    @Test
    void an_attachment_limit_above_the_per_mail_limit_is_refused_because_no_such_file_could_be_stored() {
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.attachment.max-size", "30MB"))))
                .hasMessageStartingWith("application.properties: key 'hub.mail.attachment.max-size' is 31457280 bytes, more than "
                        + "hub.mail.attachment.max-per-mail (26214400 bytes)");
    }

    @Test
    void the_creation_cap_needs_a_positive_count_window_and_well_formed_exemptions() {
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.creation-cap.per-sender", "0"))))
                .hasMessageContaining("hub.mail.creation-cap.per-sender' must be a whole number above 0");
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.creation-cap.window", "PT0S"))))
                .hasMessageContaining("hub.mail.creation-cap.window' must be a duration above zero");
        assertThatThrownBy(() -> MailIntakeSettings.from(source(Map.of("hub.mail.creation-cap.exempt", "alerts, @ops.example.com"))))
                .hasMessageContaining("lists 'alerts', which is neither an address nor an @domain");
    }

    private static ConfigSource source(Map<String, String> values) {
        return new ConfigSource("application.properties", values);
    }
}
