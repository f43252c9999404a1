package io.supporthub.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.sla.BusinessCalendar;
import io.supporthub.sla.DueTimeCalculator;
import io.supporthub.sla.SlaMetric;
import io.supporthub.sla.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A stored clock (segments of business time) agrees with the calculator's pause windows, step by step. */
class ClockLadderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessCalendar office = BusinessCalendar.builder(BERLIN).weekdays("09:00-12:00", "13:00-17:00")
            .holiday(LocalDate.parse("2026-04-03")).holiday(LocalDate.parse("2026-04-06")).build();

    @Test
    void the_ladder_is_the_warnings_with_the_breach_in_order_without_repeats() {
        assertThat(ClockLadder.steps(List.of(90, 50, 150, 75, 100))).containsExactly(50, 75, 90, 100, 150);
        assertThat(ClockLadder.steps(List.of(50))).containsExactly(50, 100);
    }

    @Test
    void pausing_and_resuming_a_stored_clock_gives_the_calculators_due_instant_for_the_same_pauses() {
        Random random = new Random(20261123);
        for (int run = 0; run < 300; run++) {
            Instant start = Instant.parse("2026-03-23T07:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 21)));
            Duration target = Duration.ofMinutes(30 + random.nextInt(60 * 40));
            List<TimeWindow> pauses = new ArrayList<>();
            SlaClock clock = running(start, target);
            Instant t = start;
            for (int p = 0; p < random.nextInt(4); p++) {
                Instant pauseAt = t.plus(Duration.ofMinutes(1 + random.nextInt(60 * 30)));
                Instant resumeAt = pauseAt.plus(Duration.ofMinutes(1 + random.nextInt(60 * 80)));
                Duration used = ClockLadder.elapsed(clock, office, pauseAt);
                if (used.compareTo(target) >= 0) {
                    break;
                }
                clock = clock.with(ClockState.PAUSED, null, used).with(ClockState.RUNNING, resumeAt, used);
                pauses.add(TimeWindow.of(pauseAt, resumeAt));
                t = resumeAt;
            }
            for (int percent : List.of(50, 75, 90, 100, 150)) {
                Duration share = target.multipliedBy(percent).dividedBy(100);
                Instant expected = DueTimeCalculator.due(office, start, share, pauses);
                Instant actual = ClockLadder.reached(clock, office, percent);
                if (share.compareTo(clock.elapsedBefore()) > 0) {
                    assertThat(actual).as("run %d, %d %% of %s from %s with pauses %s", run, percent, target, start, pauses).isEqualTo(expected);
                } else {
                    assertThat(actual).as("a share used up before the last resume is due now").isEqualTo(clock.segmentStartedAt());
                    assertThat(expected).isBeforeOrEqualTo(clock.segmentStartedAt());
                }
            }
        }
    }

    @Test
    void the_steps_a_late_sweep_finds_are_those_reached_and_not_yet_fired() {
        SlaClock clock = running(Instant.parse("2026-03-23T08:00:00Z"), Duration.ofHours(2)).afterStep(50, null); // Mon 09:00 Berlin
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(BERLIN);

        List<ClockLadder.Reached> due = ClockLadder.dueSteps(clock, always, Instant.parse("2026-03-23T10:00:00Z"));

        assertThat(due).extracting(ClockLadder.Reached::step).containsExactly(75, 90, 100);
        assertThat(due.get(2).at()).isEqualTo(Instant.parse("2026-03-23T10:00:00Z"));
        ClockLadder.Schedule next = ClockLadder.schedule(clock.afterStep(100, due.get(2).at()), always);
        assertThat(next.nextStep()).isEqualTo(150);
        assertThat(next.nextDueAt()).isEqualTo(Instant.parse("2026-03-23T11:00:00Z"));
        assertThat(ClockLadder.schedule(clock.with(ClockState.PAUSED, null, Duration.ofMinutes(70)), always).nextDueAt())
                .as("a paused clock has no next step").isNull();
    }

    private static SlaClock running(Instant start, Duration target) {
        return new SlaClock(1, 1, SlaMetric.RESOLUTION, 1, "p", "office", target, List.of(50, 75, 90, 100, 150), ClockState.RUNNING, null,
                start, start, Duration.ZERO, null, null, 0);
    }
}
