package io.supporthub.ticket.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineImageLinksTest {

    @Test
    void a_cid_image_points_at_the_download_url_of_its_stored_attachment() {
        String html = "<p>see <img src=\"cid:logo@x\" alt=\"logo\"></p>";
        assertThat(InlineImageLinks.rewrite(html, Map.of("logo@x", "/api/v1/tickets/SH-1/attachments/7"), Map.of()))
                .isEqualTo("<p>see <img src=\"/api/v1/tickets/SH-1/attachments/7\" alt=\"logo\"></p>");
    }

    @Test
    void the_cid_url_is_percent_decoded_and_matched_without_regard_to_case_when_no_exact_match_exists() {
        String html = "<img src=\"CID:Part1.Logo%40Example.COM\"><img src=\"cid:a+b%2Fc@x\">";
        String out = InlineImageLinks.rewrite(html, Map.of("part1.logo@example.com", "/one", "a+b/c@x", "/two"), Map.of());
        assertThat(out).isEqualTo("<img src=\"/one\"><img src=\"/two\">");
    }

    @Test
    void an_image_whose_bytes_were_not_kept_loses_its_dead_link_and_says_why() {
        String out = InlineImageLinks.rewrite("<img src=\"cid:big@x\"><img src=\"cid:gone@x\">", Map.of(),
                Map.of("big@x", "not stored: over 1024 bytes (the per-attachment limit)"));
        assertThat(out).doesNotContain("cid:")
                .contains("alt=\"[inline image not stored: over 1024 bytes (the per-attachment limit)]\"")
                .contains("alt=\"[inline image missing from the mail]\"");
    }

    @Test
    void html_without_cid_images_is_returned_unchanged() {
        String html = "<p>Hello &amp; <b>welcome</b></p><img alt=\"no source\">";
        assertThat(InlineImageLinks.rewrite(html, Map.of("x@y", "/z"), Map.of())).isSameAs(html);
        assertThat(InlineImageLinks.rewrite(null, Map.of(), Map.of())).isNull();
    }
}
