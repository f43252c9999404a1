package io.supporthub.connector.smtp;

import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import io.supporthub.notify.MailCaps;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SMTP relay that carries acknowledgements and follow-ups to customers. */
public record SmtpSettings(boolean enabled, String protocol, String host, int port, String username, Secret password,
                           boolean startTls, String fromAddress, String fromName, String messageIdDomain, MailCaps caps) {

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("smtp.enabled", ConfigType.BOOLEAN, "true", "Send mail to customers; false keeps acknowledgements pending");
    static final ConfigKey<String> PROTOCOL = ConfigKey.optional("smtp.protocol", ConfigType.oneOf("smtp", "smtps"), "smtp", "smtp (with STARTTLS when smtp.starttls=true) or smtps (implicit TLS)");
    static final ConfigKey<String> HOST = ConfigKey.required("smtp.host", ConfigType.TEXT, "SMTP relay host name");
    static final ConfigKey<Integer> PORT = ConfigKey.optional("smtp.port", ConfigType.PORT, "587", "SMTP relay port");
    static final ConfigKey<String> USERNAME = ConfigKey.optional("smtp.username", ConfigType.TEXT, "", "SMTP login name; empty for a relay without authentication");
    static final ConfigKey<Secret> PASSWORD = ConfigKey.optional("smtp.password", ConfigType.SECRET, "", "SMTP password");
    static final ConfigKey<Boolean> STARTTLS = ConfigKey.optional("smtp.starttls", ConfigType.BOOLEAN, "true", "Require STARTTLS on plain smtp");
    static final ConfigKey<String> FROM_ADDRESS = ConfigKey.required("smtp.from-address", ConfigType.EMAIL, "Sender address of outbound mail, usually the support address");
    static final ConfigKey<String> FROM_NAME = ConfigKey.optional("smtp.from-name", ConfigType.TEXT, "Support", "Sender display name");
    static final ConfigKey<String> MESSAGE_ID_DOMAIN = ConfigKey.optional("smtp.message-id-domain", ConfigType.TEXT, "",
            "Domain of the Message-IDs the hub generates, so replies and loops are recognised; empty takes the from-address domain");

    static final ConfigKey<Integer> CAP_PER_TICKET = ConfigKey.optional("smtp.cap.per-ticket", ConfigType.POSITIVE_INT, "3",
            "Most automatic mails (acknowledgements, follow-ups) to one ticket within smtp.cap.per-ticket-window; more are suppressed and noted on the timeline");
    static final ConfigKey<Duration> CAP_PER_TICKET_WINDOW = ConfigKey.optional("smtp.cap.per-ticket-window", ConfigType.DURATION, "PT1H",
            "The sliding window of smtp.cap.per-ticket");
    static final ConfigKey<Integer> CAP_PER_RECIPIENT = ConfigKey.optional("smtp.cap.per-recipient", ConfigType.POSITIVE_INT, "10",
            "Most automatic mails to one address within smtp.cap.per-recipient-window, so an auto-responder cannot ping-pong with the hub");
    static final ConfigKey<Duration> CAP_PER_RECIPIENT_WINDOW = ConfigKey.optional("smtp.cap.per-recipient-window", ConfigType.DURATION, "PT24H",
            "The sliding window of smtp.cap.per-recipient");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("smtp",
            List.of(ENABLED, PROTOCOL, HOST, PORT, USERNAME, PASSWORD, STARTTLS, FROM_ADDRESS, FROM_NAME, MESSAGE_ID_DOMAIN,
                    CAP_PER_TICKET, CAP_PER_TICKET_WINDOW, CAP_PER_RECIPIENT, CAP_PER_RECIPIENT_WINDOW));

    public static SmtpSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return new SmtpSettings(false, "smtp", "localhost", 25, "", Secret.of(""), false, "support@localhost", "Support", "localhost",
                    MailCaps.defaults());
        }
        String from = source.get(FROM_ADDRESS);
        String domain = source.get(MESSAGE_ID_DOMAIN);
        return new SmtpSettings(true, source.get(PROTOCOL), source.get(HOST), source.get(PORT), source.get(USERNAME),
                source.get(PASSWORD), source.get(STARTTLS), from, source.get(FROM_NAME),
                domain.isEmpty() ? from.substring(from.indexOf('@') + 1) : domain,
                new MailCaps(source.get(CAP_PER_TICKET), source.get(CAP_PER_TICKET_WINDOW), source.get(CAP_PER_RECIPIENT),
                        source.get(CAP_PER_RECIPIENT_WINDOW)));
    }

    /** The placeholders {@code routes/notify.camel.yaml} reads; credentials only when set, so the endpoint omits them. */
    public Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("smtp.protocol", protocol);
        p.put("smtp.host", host);
        p.put("smtp.port", Integer.toString(port));
        p.put("smtp.starttls", Boolean.toString(startTls));
        if (!username.isEmpty()) {
            p.put("smtp.username", username);
            p.put("smtp.password", password.reveal());
        }
        return p;
    }
}
