package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a ticket's comments, oldest first, with the cursor of the next page while there is one.
 *
 * @param afterCursor the cursor to ask for the next page with; null on the last page
 */
public record CommentPage(List<ZendeskComment> comments, boolean hasMore, String afterCursor) {

    public CommentPage {
        comments = List.copyOf(comments);
        if (hasMore && (afterCursor == null || afterCursor.isBlank())) {
            throw new IllegalArgumentException("a page with more after it names the cursor of the next one");
        }
    }

    /** The cursor of the next page, or empty on the last one. */
    public Optional<String> next() {
        return hasMore ? Optional.of(afterCursor) : Optional.empty();
    }

    /** List Comments as Zendesk answers it with cursor pagination: {@code comments}, {@code meta.has_more}, {@code meta.after_cursor}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<ZendeskComment> comments, Meta meta) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Meta(Boolean hasMore, String afterCursor) {
        }

        CommentPage page() {
            boolean more = meta != null && Boolean.TRUE.equals(meta.hasMore()) && meta.afterCursor() != null && !meta.afterCursor().isBlank();
            List<ZendeskComment> list = comments == null ? List.of() : comments.stream().filter(Objects::nonNull).toList();
            return new CommentPage(list, more, more ? meta.afterCursor() : null);
        }
    }
}
