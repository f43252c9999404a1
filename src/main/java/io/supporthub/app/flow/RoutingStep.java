package io.supporthub.app.flow;

import io.supporthub.ticket.Routing;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.Tier;
import java.util.Map;
import org.apache.camel.Header;

/** Records the content-based router's choice on the draft and its timeline. */
public class RoutingStep {

    public TicketDraft assign(TicketDraft draft, @Header("hubTier") String tier, @Header("hubQueue") String queue,
                              @Header("hubRoutingRule") String rule, @Header("hubRoutingReason") String reason) {
        Routing routing = new Routing(Tier.valueOf(tier), queue, rule);
        return draft.withRouting(routing, TicketEvent.of("routed", "router", "routed to " + tier + " / " + queue + ": " + reason,
                Map.of("tier", tier, "queue", queue, "rule", rule)));
    }
}
