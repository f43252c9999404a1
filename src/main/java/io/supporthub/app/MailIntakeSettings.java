package io.supporthub.app;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.intake.CreationCap;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.ticket.attachment.AttachmentLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What intake accepts from a mail ({@code hub.mail.*} in application.properties): MIME limits, attachment storage, the creation cap,
 * and how long a DKIM key lookup may take.
 */
public record MailIntakeSettings(MimeLimits mimeLimits, AttachmentLimits attachmentLimits, CreationCap creationCap, Duration dkimDnsTimeout) {

    static final ConfigKey<Long> MAX_SIZE = ConfigKey.optional("hub.mail.max-size", ConfigType.BYTE_SIZE, "25MB",
            "Largest mail read; a bigger one is recorded as rejected (oversize) with only its headers read");
    static final ConfigKey<Integer> MAX_PARTS = ConfigKey.optional("hub.mail.max-parts", ConfigType.POSITIVE_INT, "500",
            "Most MIME parts read in one mail (TNEF and forwarded contents included); more is rejected as too complex");
    static final ConfigKey<Integer> MAX_DEPTH = ConfigKey.optional("hub.mail.max-depth", ConfigType.POSITIVE_INT, "20",
            "Deepest nesting of multiparts and forwarded messages read; deeper is rejected as too complex");
    static final ConfigKey<Long> ATTACHMENT_MAX_SIZE = ConfigKey.optional("hub.mail.attachment.max-size", ConfigType.BYTE_SIZE, "20MB",
            "Largest attachment stored; a bigger one keeps its name, type and size, and the timeline says it was not stored");
    static final ConfigKey<Long> ATTACHMENT_MAX_PER_MAIL = ConfigKey.optional("hub.mail.attachment.max-per-mail", ConfigType.BYTE_SIZE, "25MB",
            "Most new attachment bytes one mail stores; files beyond it keep their metadata only, with a note on the timeline");
    static final ConfigKey<Integer> CAP_PER_SENDER = ConfigKey.optional("hub.mail.creation-cap.per-sender", ConfigType.POSITIVE_INT, "10",
            "Most new tickets one sender's mail opens within hub.mail.creation-cap.window; further mail is held in quarantine until released");
    static final ConfigKey<Duration> CAP_WINDOW = ConfigKey.optional("hub.mail.creation-cap.window", ConfigType.DURATION, "PT1H",
            "The sliding window of hub.mail.creation-cap.per-sender");
    static final ConfigKey<String> CAP_EXEMPT = ConfigKey.optional("hub.mail.creation-cap.exempt", ConfigType.TEXT, "",
            "Comma-separated addresses or @domains the creation cap never holds (e.g. a monitoring system that opens many tickets)");

    static final ConfigKey<Duration> DKIM_DNS_TIMEOUT = ConfigKey.optional("hub.mail.dkim.dns-timeout", ConfigType.DURATION, "PT2S",
            "Longest wait for the DNS answer holding a DKIM key; past it the mail's sender stays unverified (temperror), the mail goes on");

    public static final List<ConfigKey<?>> KEYS = List.of(MAX_SIZE, MAX_PARTS, MAX_DEPTH, ATTACHMENT_MAX_SIZE, ATTACHMENT_MAX_PER_MAIL,
            CAP_PER_SENDER, CAP_WINDOW, CAP_EXEMPT, DKIM_DNS_TIMEOUT);

    public static MailIntakeSettings defaults() {
        return new MailIntakeSettings(MimeLimits.defaults(), AttachmentLimits.defaults(), CreationCap.defaults(), Duration.ofSeconds(2));
    }

    public static MailIntakeSettings from(ConfigSource source) {
        long attachmentMax = source.get(ATTACHMENT_MAX_SIZE);
        long perMail = source.get(ATTACHMENT_MAX_PER_MAIL);
        if (attachmentMax > perMail) {
            throw new ConfigException(source.name(), ATTACHMENT_MAX_SIZE.name(), "is " + attachmentMax + " bytes, more than "
                    + ATTACHMENT_MAX_PER_MAIL.name() + " (" + perMail + " bytes), so no file that large could be stored; lower it or raise the other");
        }
        Duration window = source.get(CAP_WINDOW);
        if (window.isNegative() || window.isZero()) {
            throw new ConfigException(source.name(), CAP_WINDOW.name(), "must be a duration above zero, got '" + window + "'");
        }
        Set<String> exempt = Arrays.stream(source.get(CAP_EXEMPT).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String entry : exempt) {
            if (!entry.matches("[^@\\s]*@[^@\\s]+")) {
                throw new ConfigException(source.name(), CAP_EXEMPT.name(), "lists '" + entry + "', which is neither an address nor an @domain");
            }
        }
        Duration dnsTimeout = source.get(DKIM_DNS_TIMEOUT);
        if (dnsTimeout.isNegative() || dnsTimeout.isZero()) {
            throw new ConfigException(source.name(), DKIM_DNS_TIMEOUT.name(), "must be a duration above zero, got '" + dnsTimeout + "'");
        }
        return new MailIntakeSettings(new MimeLimits(source.get(MAX_SIZE), source.get(MAX_PARTS), source.get(MAX_DEPTH), attachmentMax),
                new AttachmentLimits(attachmentMax, perMail), new CreationCap(source.get(CAP_PER_SENDER), window, exempt), dnsTimeout);
    }
}
