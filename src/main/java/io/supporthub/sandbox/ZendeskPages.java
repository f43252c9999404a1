package io.supporthub.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Zendesk's two ways of paging a list: cursor pagination ({@code page[size]}, {@code page[after]}, {@code page[before]},
 * answered with {@code meta} and {@code links}) when any {@code page[…]} parameter is given, else offset pagination
 * ({@code page}, {@code per_page}, answered with {@code next_page}, {@code previous_page} and {@code count}).
 */
final class ZendeskPages {

    static final int MAX_PAGE_SIZE = 100;

    private ZendeskPages() {
    }

    /** One page of {@code items} (each with an {@code id}) under {@code key}; {@code listUrl} is the list's own URL. */
    static ZendeskAnswer page(String key, List<Map<String, Object>> items, Map<String, String> query, String listUrl) {
        Map<String, String> kept = query.entrySet().stream().filter(e -> !e.getKey().startsWith("page") && !e.getKey().equals("per_page"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        try {
            return query.keySet().stream().anyMatch(k -> k.startsWith("page["))
                    ? cursorPage(key, items, query, listUrl, kept) : offsetPage(key, items, query, listUrl, kept);
        } catch (IllegalArgumentException e) {
            return ZendeskAnswer.badRequest("InvalidPaginationParameter", e.getMessage());
        }
    }

    private static ZendeskAnswer cursorPage(String key, List<Map<String, Object>> items, Map<String, String> query, String listUrl,
                                            Map<String, String> kept) {
        int size = number(query.get("page[size]"), MAX_PAGE_SIZE, "page[size]");
        int from = 0;
        int to = Math.min(size, items.size());
        boolean backwards = query.containsKey("page[before]");
        if (query.containsKey("page[after]")) {
            from = indexOf(items, query.get("page[after]")) + 1;
            to = Math.min(from + size, items.size());
        } else if (backwards) {
            to = indexOf(items, query.get("page[before]"));
            from = Math.max(0, to - size);
        }
        List<Map<String, Object>> slice = items.subList(from, to);
        boolean hasMore = backwards ? from > 0 : to < items.size();
        String after = slice.isEmpty() ? null : cursor(slice.get(slice.size() - 1));
        String before = slice.isEmpty() ? null : cursor(slice.get(0));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("has_more", hasMore);
        meta.put("after_cursor", after);
        meta.put("before_cursor", before);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("prev", from > 0 && before != null ? url(listUrl, kept, "page[size]", size, "page[before]", before) : null);
        links.put("next", to < items.size() && after != null ? url(listUrl, kept, "page[size]", size, "page[after]", after) : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, slice);
        body.put("meta", meta);
        body.put("links", links);
        return ZendeskAnswer.json(200, body);
    }

    private static ZendeskAnswer offsetPage(String key, List<Map<String, Object>> items, Map<String, String> query, String listUrl,
                                            Map<String, String> kept) {
        int perPage = number(query.get("per_page"), MAX_PAGE_SIZE, "per_page");
        int page = number(query.get("page"), 1, "page");
        int from = Math.min((page - 1) * perPage, items.size());
        int to = Math.min(from + perPage, items.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items.subList(from, to));
        body.put("next_page", to < items.size() ? url(listUrl, kept, "page", page + 1, "per_page", perPage) : null);
        body.put("previous_page", page > 1 ? url(listUrl, kept, "page", page - 1, "per_page", perPage) : null);
        body.put("count", items.size());
        return ZendeskAnswer.json(200, body);
    }

    private static int number(String text, int fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1 || (!name.equals("page") && value > MAX_PAGE_SIZE)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from 1" + (name.equals("page") ? "" : " to " + MAX_PAGE_SIZE)
                    + ", got '" + text + "'");
        }
    }

    private static int indexOf(List<Map<String, Object>> items, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this list handed out");
        }
        for (int i = 0; i < items.size(); i++) {
            if (String.valueOf(items.get(i).get("id")).equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' names no record of this list");
    }

    private static String cursor(Map<String, Object> item) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(item.get("id")).getBytes(StandardCharsets.UTF_8));
    }

    private static String url(String listUrl, Map<String, String> kept, String k1, Object v1, String k2, Object v2) {
        StringBuilder url = new StringBuilder(listUrl).append('?');
        Map<String, Object> parameters = new LinkedHashMap<>(kept);
        parameters.put(k1, v1);
        parameters.put(k2, v2);
        parameters.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }
}
