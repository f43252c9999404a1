package io.supporthub.mail.mime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The header fields of a mail in their original order, looked up case-insensitively, values unfolded. */
public final class MailHeaders {

    /** One header field; the value is unfolded but not RFC 2047-decoded. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    MailHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static MailHeaders empty() {
        return new MailHeaders(List.of());
    }

    public List<Field> fields() {
        return fields;
    }

    /** The first value of the named header, or null; raw, as written (after unfolding). */
    public String first(String name) {
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                return f.value;
            }
        }
        return null;
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field f : fields) {
            if (f.name.equalsIgnoreCase(name)) {
                values.add(f.value);
            }
        }
        return Collections.unmodifiableList(values);
    }

    public boolean has(String name) {
        return first(name) != null;
    }

    /** The first value with RFC 2047 encoded-words decoded, for display. */
    public String decoded(String name) {
        String v = first(name);
        return v == null ? null : EncodedWords.decode(v, null).trim();
    }

    /** Lower-case names, in first-seen order, so filters can scan for families such as X-SupportHub-*. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Field f : fields) {
            names.add(f.name.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(names);
    }

    /** Raw 8-bit header bytes were kept as Latin-1; decode them as UTF-8 or the body charset. */
    MailHeaders withEightBitDecoded(String hintCharset) {
        List<Field> decoded = new ArrayList<>(fields.size());
        for (Field f : fields) {
            decoded.add(new Field(f.name, MailCharsets.decodeRawHeader(f.value, hintCharset)));
        }
        return new MailHeaders(decoded);
    }
}
