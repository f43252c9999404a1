package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaContext;
import io.supporthub.sla.SlaMetric;
import io.supporthub.sla.SlaPolicyBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies an admin overrides in hub.policies-dir apply without a restart; a broken edit leaves the last good version. */
class SlaPolicyFilesTest {

    @TempDir
    Path dir;

    @Test
    void an_edited_policy_file_applies_at_once_and_a_broken_one_is_ignored() throws IOException {
        write("calendars.yaml", "default_timezone: Europe/Berlin\ncalendars:\n  24x7:\n    hours: 24x7\n", 1);
        write("sla-policies.yaml", "policies:\n  - id: all\n    calendar: 24x7\n    targets: {first_response: 1h}\n", 1);
        Supplier<SlaPolicyBook> book = SlaPolicyFiles.book(dir.toString(), null);
        assertThat(firstResponse(book)).isEqualTo(Duration.ofHours(1));

        write("sla-policies.yaml", "policies:\n  - id: all\n    calendar: 24x7\n    targets: {first_response: 30m}\n", 2);
        assertThat(firstResponse(book)).isEqualTo(Duration.ofMinutes(30));

        write("sla-policies.yaml", "policies:\n  - id: all\n    calendar: weekends-only\n    targets: {first_response: 5m}\n", 3);
        assertThat(firstResponse(book)).as("a calendar nobody defined keeps the previous policies").isEqualTo(Duration.ofMinutes(30));

        write("calendars.yaml", "default_timezone: Europe/Berlin\ncalendars:\n  weekends-only:\n    timezone: Europe/Berlin\n    hours: {sat: [\"09:00-17:00\"]}\n"
                + "  24x7:\n    hours: 24x7\n", 4);
        assertThat(firstResponse(book)).as("once the calendar exists, the pair fits").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void escalation_thresholds_reload_from_the_policies_folder() throws IOException {
        Supplier<EscalationPolicy> shipped = SlaPolicyFiles.escalations(dir.toString());
        assertThat(shipped.get().escalationFrom("T1").orElseThrow().after()).isEqualTo(Duration.ofHours(2));

        write("escalations.yaml", "tier_escalations:\n  - {from: T1, after: 45m, to: T2}\n", 1);
        Supplier<EscalationPolicy> overridden = SlaPolicyFiles.escalations(dir.toString());
        assertThat(overridden.get().escalationFrom("T1").orElseThrow().after()).isEqualTo(Duration.ofMinutes(45));
        write("escalations.yaml", "tier_escalations:\n  - {from: T1, after: 20m, to: T2}\n", 2);
        assertThat(overridden.get().escalationFrom("T1").orElseThrow().after()).isEqualTo(Duration.ofMinutes(20));
    }

    private static Duration firstResponse(Supplier<SlaPolicyBook> book) {
        return book.get().select(SlaContext.of("email", "P3", "standard")).get(SlaMetric.FIRST_RESPONSE).target();
    }

    /** Writes a file with a distinct modification time, as an editor saving it minutes apart would. */
    private void write(String name, String text, int version) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-23T09:00:00Z").plusSeconds(version)));
    }
}
