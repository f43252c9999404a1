package io.supporthub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void request_from_the_issue_returns_due_and_warnings_per_metric() throws Exception {
        // start Mon 10:00 Berlin (09:00Z); pending Mon 12:00 to Tue 10:00 Berlin, so 2 h run before and the rest after
        Map<String, Object> result = SlaSimulation.simulate(JSON.readTree("""
                {"calendar": {"timezone": "Europe/Berlin",
                              "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                                        "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
                              "holidays": ["2026-12-25"]},
                 "targets": {"first_response": "PT4H", "resolution": "PT24H"},
                 "start": "2026-11-23T09:00:00Z",
                 "events": [{"at": "2026-11-23T11:00:00Z", "status": "pending_customer"},
                            {"at": "2026-11-24T09:00:00Z", "status": "open"}],
                 "warnings": [50, 75, 90]}
                """));

        assertThat(result).containsOnlyKeys("first_response", "resolution");
        assertThat(result.get("first_response")).isEqualTo(Map.of(
                "due", "2026-11-24T11:00:00Z",
                "warnings", Map.of("50", "2026-11-23T11:00:00Z", "75", "2026-11-24T10:00:00Z",
                        "90", "2026-11-24T10:36:00Z"),
                "state", "running"));
        // 24 h = Mon 2 h + Tue 7 h (from 10:00) + Wed 8 h + Thu 7 h -> Thu 16:00 Berlin
        assertThat(asMap(result.get("resolution")).get("due")).isEqualTo("2026-11-26T15:00:00Z");
    }

    @Test
    void round_the_clock_calendar_counts_real_hours() {
        Map<String, Object> result = SlaSimulation.simulate(Map.of(
                "calendar", Map.of("timezone", "UTC", "hours", "24x7"),
                "targets", Map.of("resolution", "PT24H"),
                "start", "2026-11-28T12:00:00Z"));

        Map<String, Object> resolution = asMap(result.get("resolution"));
        assertThat(resolution.get("due")).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(asMap(resolution.get("warnings"))).containsEntry("100", "2026-11-29T12:00:00Z")
                .containsEntry("50", "2026-11-29T00:00:00Z");
    }

    @Test
    void clock_still_paused_at_the_end_has_no_due_and_reports_elapsed_time() {
        Map<String, Object> result = SlaSimulation.simulate(Map.of(
                "calendar", Map.of("timezone", "UTC", "hours", "24x7"),
                "targets", Map.of("first_response", "PT4H"),
                "start", "2026-11-23T09:00:00Z",
                "events", java.util.List.of(Map.of("at", "2026-11-23T12:00:00Z", "status", "on_hold"))));

        Map<String, Object> firstResponse = asMap(result.get("first_response"));
        assertThat(firstResponse.get("due")).isNull();
        assertThat(firstResponse.get("state")).isEqualTo("paused");
        assertThat(firstResponse.get("elapsed")).isEqualTo("PT3H");
        assertThat(asMap(firstResponse.get("warnings"))).containsEntry("50", "2026-11-23T11:00:00Z")
                .containsEntry("75", "2026-11-23T12:00:00Z").containsEntry("90", null);
    }

    @Test
    void solved_before_the_target_is_not_breached_and_reopening_resumes_the_clock() {
        Map<String, Object> solved = SlaSimulation.simulate(Map.of(
                "calendar", Map.of("timezone", "UTC", "hours", "24x7"),
                "targets", Map.of("resolution", "PT4H"),
                "start", "2026-11-23T09:00:00Z",
                "events", java.util.List.of(Map.of("at", "2026-11-23T11:00:00Z", "status", "solved"))));
        assertThat(asMap(solved.get("resolution"))).containsEntry("state", "stopped").containsEntry("breached", false);

        Map<String, Object> reopened = SlaSimulation.simulate(Map.of(
                "calendar", Map.of("timezone", "UTC", "hours", "24x7"),
                "targets", Map.of("resolution", "PT4H"),
                "start", "2026-11-23T09:00:00Z",
                "events", java.util.List.of(
                        Map.of("at", "2026-11-23T11:00:00Z", "status", "solved"),
                        Map.of("at", "2026-11-23T15:00:00Z", "status", "open"))));
        assertThat(asMap(reopened.get("resolution"))).containsEntry("due", "2026-11-23T17:00:00Z")
                .containsEntry("state", "running");
    }

    @Test
    void solved_after_the_due_instant_is_breached() {
        Map<String, Object> result = SlaSimulation.simulate(Map.of(
                "calendar", Map.of("timezone", "UTC", "hours", "24x7"),
                "targets", Map.of("resolution", "1h"),
                "start", "2026-11-23T09:00:00Z",
                "events", java.util.List.of(Map.of("at", "2026-11-23T11:00:00Z", "status", "closed"))));

        assertThat(asMap(result.get("resolution"))).containsEntry("due", "2026-11-23T10:00:00Z")
                .containsEntry("breached", true);
    }

    @Test
    void validation_errors_name_the_field() throws Exception {
        String base = """
                {"calendar": {"timezone": "Europe/Berlin", "hours": "24x7"},
                 "targets": {"first_response": "PT4H"}, "start": "2026-11-23T09:00:00Z" %s}
                """;
        assertField(base.formatted(", \"events\": [{\"at\": \"2026-11-23T10:00:00Z\", \"status\": \"snoozed\"}]"),
                "events[0].status", "'snoozed' is not a ticket status");
        assertField(base.formatted(", \"events\": [{\"at\": \"2026-11-23T08:00:00Z\", \"status\": \"open\"}]"),
                "events[0].at", "before start");
        assertField(base.formatted(", \"warnings\": [50, 0]"), "warnings[1]", "outside 1..1000");
        assertField(base.formatted(", \"extra\": 1"), "extra", "unknown field");
        assertField(base.replace("PT4H", "four hours").formatted(""), "targets.first_response", "not a duration");
        assertField(base.replace("2026-11-23T09:00:00Z", "yesterday").formatted(""), "start", "not an ISO instant");
        assertField(base.replace("\"24x7\"", "{\"mon\": [\"09:00-17:00\", \"16:00-18:00\"]}").formatted(""),
                "calendar", "shifts overlap on MONDAY");
        assertField("{\"targets\": {\"resolution\": \"PT1H\"}, \"start\": \"2026-11-23T09:00:00Z\"}",
                "calendar", "is required");
        assertField(base.replace("Europe/Berlin", "Berlin").formatted(""), "calendar.timezone", "not a time zone");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void assertField(String json, String field, String problem) throws Exception {
        var request = JSON.readTree(json);
        assertThatThrownBy(() -> SlaSimulation.simulate(request))
                .isInstanceOf(InvalidSlaInputException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidSlaInputException) e).field()).isEqualTo(field));
    }
}
