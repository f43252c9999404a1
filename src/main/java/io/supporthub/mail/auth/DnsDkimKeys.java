package io.supporthub.mail.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DKIM keys from DNS, through the JDK's own JNDI DNS client and the resolvers the host is configured with. A lookup
 * waits at most {@code timeout}; a failure is {@link LookupFailed} (the signature stays unverified), never an error of
 * intake. Answers are kept for a few minutes, so a busy sender's key is asked for once, not once per mail; the store is
 * bounded, so mail naming made-up selectors cannot grow it without end.
 */
public final class DnsDkimKeys implements DkimKeys {

    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final Duration NOTHING_PUBLISHED_KEPT = Duration.ofMinutes(1);
    private static final int MOST_KEPT = 10_000;
    private static final Pattern DOMAIN_NAME = Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*\\.?");
    // a TXT record's strings as JNDI renders them: quoted when they hold a blank, a quote or a backslash
    private static final Pattern TXT_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    private record Answer(List<String> records, long expiresAt) {
    }

    private final Duration timeout;
    private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > MOST_KEPT;
        }
    };

    public DnsDkimKeys(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<String> records(String selector, String domain) throws LookupFailed {
        String name = selector + "._domainkey." + domain;
        if (name.length() > 253 || !DOMAIN_NAME.matcher(name).matches()) {
            return List.of();  // no such name can be published
        }
        synchronized (answers) {
            Answer kept = answers.get(name);
            if (kept != null && kept.expiresAt() - System.nanoTime() > 0) {
                return kept.records();
            }
        }
        List<String> records = lookUp(name);
        synchronized (answers) {
            answers.put(name, new Answer(records, System.nanoTime() + (records.isEmpty() ? NOTHING_PUBLISHED_KEPT : KEPT).toNanos()));
        }
        return records;
    }

    private List<String> lookUp(String name) throws LookupFailed {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, "dns:");
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attribute txt = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(joined(String.valueOf(values.next())));
                }
            }
            return records;
        } catch (NameNotFoundException nothingPublished) {
            return List.of();
        } catch (NamingException e) {
            throw new LookupFailed("DNS lookup of " + name + " failed: " + e.getClass().getSimpleName()
                    + (e.getExplanation() == null ? "" : " (" + e.getExplanation() + ")"));
        } finally {
            close(context);
        }
    }

    /** A record of several strings is one key: the strings are joined without a separator (RFC 6376 §3.6.2.2). */
    static String joined(String rendered) {
        StringBuilder key = new StringBuilder();
        var m = TXT_STRING.matcher(rendered);
        while (m.find()) {
            key.append(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        return key.toString();
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing is held open by a closed lookup
            }
        }
    }
}
