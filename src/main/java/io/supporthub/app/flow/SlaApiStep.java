package io.supporthub.app.flow;

import io.supporthub.admin.SlaApi;
import java.time.Clock;

/** The SLA API routes' steps: the what-if simulation and the summary, as of the hub's clock. */
public class SlaApiStep {

    private final SlaApi api;
    private final Clock clock;

    public SlaApiStep(SlaApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public String simulate(String body) {
        return api.simulate(body);
    }

    public String summary() {
        return api.summary(clock.instant());
    }
}
