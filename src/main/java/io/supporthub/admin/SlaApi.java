package io.supporthub.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.sla.InvalidSlaInputException;
import io.supporthub.sla.SlaSimulation;
import io.supporthub.sla.engine.SlaSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The JSON face of {@code /api/v1/sla}: the what-if simulation for admins, and the summary of where open tickets stand. */
public class SlaApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlaSummary summary;

    public SlaApi(SlaSummary summary) {
        this.summary = summary;
    }

    /** Runs {@link SlaSimulation} on the request; a wrong field is a 400 that names it. */
    public String simulate(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return ApiJson.write(JSON, SlaSimulation.simulate(request));
        } catch (InvalidSlaInputException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Counts per standing in total, by tier, by priority, and by tier and priority. */
    public String summary(Instant now) {
        List<SlaSummary.Row> rows = summary.at(now);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("as_of", now.toString());
        Map<String, Long> totals = empty();
        Map<String, Map<String, Long>> byTier = new TreeMap<>();
        Map<String, Map<String, Long>> byPriority = new TreeMap<>();
        Map<String, Map<String, Long>> byBoth = new TreeMap<>();
        for (SlaSummary.Row row : rows) {
            String standing = row.standing().name().toLowerCase(Locale.ROOT);
            totals.merge(standing, row.tickets(), Long::sum);
            byTier.computeIfAbsent(row.tier(), k -> empty()).merge(standing, row.tickets(), Long::sum);
            byPriority.computeIfAbsent(row.priority(), k -> empty()).merge(standing, row.tickets(), Long::sum);
            byBoth.computeIfAbsent(row.tier() + "/" + row.priority(), k -> empty()).merge(standing, row.tickets(), Long::sum);
        }
        view.put("totals", totals);
        view.put("by_tier", byTier);
        view.put("by_priority", byPriority);
        view.put("by_tier_and_priority", byBoth.entrySet().stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("tier", e.getKey().substring(0, e.getKey().indexOf('/')));
            item.put("priority", e.getKey().substring(e.getKey().indexOf('/') + 1));
            item.putAll(e.getValue());
            return item;
        }).toList());
        return ApiJson.write(JSON, view);
    }

    private static Map<String, Long> empty() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("on_track", 0L);
        counts.put("at_risk", 0L);
        counts.put("breached", 0L);
        return counts;
    }
}
