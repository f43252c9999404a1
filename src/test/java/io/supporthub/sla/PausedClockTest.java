package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.berlin;
import static io.supporthub.sla.DueTimeCalculator.due;
import static io.supporthub.sla.DueTimeCalculator.elapsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PausedClockTest {

    private final BusinessCalendar office = Calendars.officeHours(BERLIN);

    @Test
    void pause_over_a_weekend_shifts_the_due_time_by_the_paused_business_time() {
        // without the pause: Thu 7 h + Fri 8 h + Mon 1 h -> Mon 10:00
        assertThat(due(office, berlin("2026-11-26T10:00:00"), Duration.ofHours(16))).isEqualTo(berlin("2026-11-30T10:00:00"));
        // paused Fri 15:00 -> Mon 11:00 takes out Fri 15-17 and Mon 9-11: four business hours
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2026-11-27T15:00:00"), berlin("2026-11-30T11:00:00")));

        assertThat(due(office, berlin("2026-11-26T10:00:00"), Duration.ofHours(16), pending)).isEqualTo(berlin("2026-11-30T14:00:00"));
    }

    @Test
    void pause_outside_business_hours_changes_nothing() {
        List<TimeWindow> weekend = List.of(TimeWindow.of(berlin("2026-11-28T08:00:00"), berlin("2026-11-29T20:00:00")));

        assertThat(due(office, berlin("2026-11-27T16:00:00"), Duration.ofHours(2), weekend)).isEqualTo(berlin("2026-11-30T10:00:00"));
    }

    @Test
    void ticket_created_while_paused_starts_its_clock_on_resume() {
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2026-11-23T08:00:00"), berlin("2026-11-23T12:00:00")));

        assertThat(due(office, berlin("2026-11-23T10:00:00"), Duration.ofHours(1), pending)).isEqualTo(berlin("2026-11-23T13:00:00"));
    }

    @Test
    void overlapping_pauses_count_once() {
        List<TimeWindow> pauses = List.of(
                TimeWindow.of(berlin("2026-11-23T10:30:00"), berlin("2026-11-23T11:00:00")),
                TimeWindow.of(berlin("2026-11-23T10:45:00"), berlin("2026-11-23T11:30:00")));

        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(2), pauses)).isEqualTo(berlin("2026-11-23T12:00:00"));
    }

    @Test
    void target_reached_exactly_when_a_pause_begins_is_due_at_that_instant() {
        List<TimeWindow> pauses = List.of(TimeWindow.of(berlin("2026-11-23T11:00:00"), berlin("2026-11-23T12:00:00")));

        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(2), pauses)).isEqualTo(berlin("2026-11-23T11:00:00"));
    }

    @Test
    void pauses_before_the_start_are_ignored() {
        List<TimeWindow> earlier = List.of(TimeWindow.of(berlin("2026-11-20T09:00:00"), berlin("2026-11-20T17:00:00")));

        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(2), earlier)).isEqualTo(berlin("2026-11-23T11:00:00"));
    }

    @Test
    void several_pauses_across_days_each_take_out_their_business_time() {
        List<TimeWindow> pauses = List.of(
                TimeWindow.of(berlin("2026-11-23T10:00:00"), berlin("2026-11-23T11:00:00")),
                TimeWindow.of(berlin("2026-11-24T16:00:00"), berlin("2026-11-25T10:00:00")));

        // 16 h target from Mon 09:00 is Tue 17:00 without pauses; the pauses hold 1 h + 2 h
        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(16), pauses)).isEqualTo(berlin("2026-11-25T12:00:00"));
    }

    @Test
    void elapsed_time_leaves_out_the_paused_business_time() {
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2026-11-27T15:00:00"), berlin("2026-11-30T11:00:00")));

        assertThat(elapsed(office, berlin("2026-11-26T10:00:00"), berlin("2026-11-30T14:00:00"), pending)).isEqualTo(Duration.ofHours(16));
    }

    @Test
    void pause_that_ends_before_it_starts_is_rejected() {
        assertThatThrownBy(() -> TimeWindow.of(berlin("2026-11-23T11:00:00"), berlin("2026-11-23T10:00:00")))
                .hasMessageContaining("before it starts");
    }
}
