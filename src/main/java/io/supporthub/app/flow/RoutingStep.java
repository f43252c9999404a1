package io.supporthub.app.flow;

import io.supporthub.ticket.Routing;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.Tier;
import java.util.Map;
import org.apache.camel.Header;

/** Records the content-based router's choice on the draft and its timeline. */
public class RoutingStep {

    public TicketDraft assign(TicketDraft draft, @Header(HeaderNames.TIER) String tier, @Header(HeaderNames.QUEUE) String queue,
                              @Header(HeaderNames.ROUTING_RULE) String rule, @Header(HeaderNames.ROUTING_REASON) String reason) {
        Routing routing = new Routing(Tier.valueOf(tier), queue, rule);
        return draft.withRouting(routing, TicketEvent.of("routed", "router", "routed to " + tier + " / " + queue + ": " + reason,
                Map.of("tier", tier, "queue", queue, "rule", rule)));
    }
}
