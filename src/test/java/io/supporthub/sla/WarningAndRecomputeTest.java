package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class WarningAndRecomputeTest {

    private final BusinessCalendar office = Calendars.officeHours(BERLIN);
    private final Instant mondayNine = berlin("2026-11-23T09:00:00");

    @Test
    void default_ladder_fires_at_50_75_90_and_100_percent_of_the_business_target() {
        SortedMap<Integer, Instant> ladder = DueTimeCalculator.warnings(office, mondayNine, Duration.ofHours(8), List.of());

        assertThat(ladder).containsExactly(
                org.assertj.core.api.Assertions.entry(50, berlin("2026-11-23T13:00:00")),
                org.assertj.core.api.Assertions.entry(75, berlin("2026-11-23T15:00:00")),
                org.assertj.core.api.Assertions.entry(90, berlin("2026-11-23T16:12:00")),
                org.assertj.core.api.Assertions.entry(100, berlin("2026-11-23T17:00:00")));
    }

    @Test
    void ladder_steps_skip_the_weekend_and_post_breach_steps_go_past_100_percent() {
        SortedMap<Integer, Instant> ladder = DueTimeCalculator.warnings(
                office, berlin("2026-11-27T15:00:00"), Duration.ofHours(4), List.of(), List.of(50, 90, 100, 150));

        assertThat(ladder.get(50)).isEqualTo(berlin("2026-11-27T17:00:00"));
        assertThat(ladder.get(90)).isEqualTo(berlin("2026-11-30T10:36:00"));
        assertThat(ladder.get(100)).isEqualTo(berlin("2026-11-30T11:00:00"));
        assertThat(ladder.get(150)).isEqualTo(berlin("2026-11-30T13:00:00"));
    }

    @Test
    void percentages_outside_1_to_1000_are_rejected() {
        assertThatThrownBy(() -> DueTimeCalculator.warnings(office, mondayNine, Duration.ofHours(1), List.of(), List.of(0)))
                .hasMessageContaining("warning percentage 0");
        assertThatThrownBy(() -> DueTimeCalculator.warnings(office, mondayNine, Duration.ofHours(1), List.of(), List.of()))
                .hasMessageContaining("empty");
    }

    @Test
    void raising_the_priority_keeps_the_business_time_already_elapsed() {
        Recalculation r = DueTimeCalculator.recompute(office, office, mondayNine, berlin("2026-11-23T13:00:00"),
                Duration.ofHours(6), List.of());

        assertThat(r.elapsedAtChange()).isEqualTo(Duration.ofHours(4));
        assertThat(r.due()).isEqualTo(berlin("2026-11-23T15:00:00"));
        assertThat(r.alreadyDue()).isFalse();
    }

    @Test
    void lowering_the_priority_extends_the_remaining_time_over_later_days() {
        Recalculation r = DueTimeCalculator.recompute(office, office, mondayNine, berlin("2026-11-23T13:00:00"),
                Duration.ofHours(24), List.of());

        assertThat(r.due()).isEqualTo(berlin("2026-11-25T17:00:00"));
    }

    @Test
    void new_target_already_used_up_reports_the_instant_it_ran_out() {
        Recalculation r = DueTimeCalculator.recompute(office, office, mondayNine, berlin("2026-11-23T13:00:00"),
                Duration.ofHours(2), List.of());

        assertThat(r.alreadyDue()).isTrue();
        assertThat(r.due()).isEqualTo(berlin("2026-11-23T11:00:00"));
    }

    @Test
    void switching_to_a_24x7_policy_runs_the_rest_round_the_clock() {
        Recalculation r = DueTimeCalculator.recompute(office, BusinessCalendar.twentyFourSeven(BERLIN),
                berlin("2026-11-27T09:00:00"), berlin("2026-11-27T15:00:00"), Duration.ofHours(10), List.of());

        assertThat(r.elapsedAtChange()).isEqualTo(Duration.ofHours(6));
        assertThat(r.due()).isEqualTo(berlin("2026-11-27T19:00:00"));
    }

    @Test
    void change_during_a_pause_resumes_counting_when_the_pause_ends() {
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2026-11-23T12:00:00"), berlin("2026-11-23T14:00:00")));

        Recalculation r = DueTimeCalculator.recompute(office, office, mondayNine, berlin("2026-11-23T13:00:00"),
                Duration.ofHours(6), pending);

        assertThat(r.elapsedAtChange()).isEqualTo(Duration.ofHours(3));
        assertThat(r.due()).isEqualTo(berlin("2026-11-23T17:00:00"));
    }

    @Test
    void recomputed_ladder_marks_steps_the_new_target_has_already_passed() {
        SortedMap<Integer, Recalculation> ladder = DueTimeCalculator.recomputeWarnings(office, office, mondayNine,
                berlin("2026-11-23T13:00:00"), Duration.ofHours(6), List.of(), DueTimeCalculator.DEFAULT_WARNING_PERCENTAGES);

        assertThat(ladder.get(50).alreadyDue()).isTrue();
        assertThat(ladder.get(50).due()).isEqualTo(berlin("2026-11-23T12:00:00"));
        assertThat(ladder.get(75).due()).isEqualTo(berlin("2026-11-23T13:30:00"));
        assertThat(ladder.get(90).due()).isEqualTo(berlin("2026-11-23T14:24:00"));
        assertThat(ladder.get(100).due()).isEqualTo(berlin("2026-11-23T15:00:00"));
    }
}
