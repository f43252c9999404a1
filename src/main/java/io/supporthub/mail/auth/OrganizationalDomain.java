package io.supporthub.mail.auth;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * DMARC's organisational domain (RFC 7489 §3.2) by the Public Suffix List: {@code mail.acme.co.uk} belongs to
 * {@code acme.co.uk}. Relaxed alignment holds when two domains share it.
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    /** The organisational domain of a domain name, lower-case; a name that is no valid domain stands for itself. */
    public static String of(String domain) {
        String name = domain.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            InternetDomainName parsed = InternetDomainName.from(name);
            if (parsed.isUnderPublicSuffix()) {
                return parsed.topPrivateDomain().toString();
            }
            if (parsed.isPublicSuffix() || !parsed.hasParent()) {
                return name;
            }
            // No listed suffix (e.g. .example, .test, an internal TLD): the list's default rule makes the last label the suffix.
            String[] labels = name.split("\\.");
            return labels[labels.length - 2] + "." + labels[labels.length - 1];
        } catch (IllegalArgumentException notADomain) {
            return name;
        }
    }

    /** Whether two domains align in DMARC's relaxed mode: the same organisational domain. */
    public static boolean aligned(String a, String b) {
        return a != null && b != null && !a.isBlank() && !b.isBlank() && of(a).equals(of(b));
    }

    /** The domain of an address ({@code ava@acme.example}) or of a bare domain; null for null. */
    public static String domainOf(String addressOrDomain) {
        if (addressOrDomain == null) {
            return null;
        }
        String value = addressOrDomain.strip();
        int at = value.lastIndexOf('@');
        return (at >= 0 ? value.substring(at + 1) : value).replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
    }
}
