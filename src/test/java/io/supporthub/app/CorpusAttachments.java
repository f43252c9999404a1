package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.testing.Rows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** What the corpus suite checks of the files its mail carried: counts per mail, and names decoded. */
final class CorpusAttachments {

    // Decoded names must not keep the marks of their encoding: RFC 2047 encoded words, an RFC 2231 charset prefix.
    static final Pattern ENCODED_NAME = Pattern.compile("=\\?[^?]+\\?[bBqQ]\\?|^[A-Za-z0-9_-]+'[A-Za-z-]*'");
    // Corpus files whose attachment names are encoded, and what they must decode to.
    static final Map<String, String> ENCODED_NAMES = Map.of(
            "mime4j-mimetools/attachment-filename-encoding-UTF8.eml", "attachment.äöü",
            "ruby-mail/attachment_emails__attachment_with_base64_encoded_name.eml", "This is a test.pdf",
            "ruby-mail/multi_charset__japanese_attachment_long_name.eml", "かきくけこ".repeat(5) + ".txt");

    private CorpusAttachments() {
    }

    /** Message key -> {attachments stored with their bytes, attachments kept as metadata only}. */
    static Map<String, long[]> byMessageKey(DataSource dataSource) {
        Map<String, long[]> byKey = new HashMap<>();
        for (Map<String, Object> row : Rows.all(dataSource, "select m.message_key, count(*) filter (where a.not_stored is null) as kept, "
                + "count(*) filter (where a.not_stored is not null) as not_kept from ticket_attachment a "
                + "join mail_message m on m.id = a.mail_message_id group by m.message_key")) {
            byKey.put((String) row.get("message_key"), new long[] {((Number) row.get("kept")).longValue(), ((Number) row.get("not_kept")).longValue()});
        }
        return byKey;
    }

    /**
     * Every stored name is free of encoding marks, replacement and control characters, and the known encoded names decode exactly.
     *
     * @param ticketed corpus file -> message key, for the mail that became a ticket or comment
     * @param wholeCorpus true when the run was not narrowed to some files, so the known files must be among them
     */
    static void assertNamesDecoded(DataSource dataSource, Map<String, String> ticketed, boolean wholeCorpus) {
        List<String> names = Rows.all(dataSource, "select filename from ticket_attachment where filename is not null").stream()
                .map(r -> (String) r.get("filename")).toList();
        System.out.printf("attachments stored: %d named, %d with names of non-ASCII characters%n", names.size(),
                names.stream().filter(n -> !n.chars().allMatch(ch -> ch < 0x80)).count());
        assertThat(names).as("names still encoded").noneMatch(n -> ENCODED_NAME.matcher(n).find());
        assertThat(names).as("names with replacement or control characters")
                .noneMatch(n -> n.contains("\uFFFD") || n.chars().anyMatch(Character::isISOControl));
        ENCODED_NAMES.forEach((file, expected) -> {
            String key = ticketed.get(file);
            if (key != null) {
                assertThat(Rows.all(dataSource, "select a.filename from ticket_attachment a join mail_message m on m.id = a.mail_message_id "
                        + "where m.message_key = ?", key)).as(file).extracting(r -> r.get("filename")).contains(expected);
            }
        });
        if (wholeCorpus) {
            assertThat(ENCODED_NAMES.keySet()).as("corpus files with encoded names that reached a ticket").anyMatch(ticketed::containsKey);
        }
    }
}
