package io.supporthub.mail.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads address headers with Jakarta Mail's parser, and scrapes addresses out of headers it rejects. */
final class MailAddresses {

    private static final Pattern LOOSE = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");

    private MailAddresses() {
    }

    static List<MailAddress> parse(List<String> values, List<String> warnings) {
        List<MailAddress> out = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                for (InternetAddress ia : InternetAddress.parseHeader(value, false)) {
                    if (ia.isGroup()) {
                        continue; // "undisclosed-recipients:;" and friends carry no mailbox
                    }
                    String address = ia.getAddress();
                    if (address == null || address.isBlank()) {
                        continue;
                    }
                    out.add(new MailAddress(address.trim(), displayName(ia.getPersonal(), warnings)));
                }
            } catch (AddressException | RuntimeException e) {
                warnings.add("unparseable address header '" + abbreviate(value) + "'; addresses scraped");
                Matcher m = LOOSE.matcher(value);
                while (m.find()) {
                    out.add(new MailAddress(m.group(), null));
                }
            }
        }
        return out;
    }

    private static String displayName(String personal, List<String> warnings) {
        if (personal == null) {
            return null;
        }
        // Jakarta leaves words in charsets it does not know encoded; ours know more and fall back safely.
        String decoded = EncodedWords.decode(personal, warnings).strip();
        return decoded.isEmpty() ? null : UnicodeText.repair(decoded);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
