package io.supporthub.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicketSourceTest {

    @Test
    void a_source_is_its_origin_first_then_each_record_its_message_names_once() {
        ExternalRef origin = new ExternalRef("zendesk", "123", "123", null);
        TicketSource source = new TicketSource(Channel.ZENDESK, null, null, origin,
                List.of(ExternalRef.number("zendesk", "123"), ExternalRef.number("servicenow", "INC0012345"),
                        ExternalRef.number("servicenow", "INC0012345")));

        assertThat(source.records()).containsExactly(origin, ExternalRef.number("servicenow", "INC0012345"));
        assertThat(source.via()).isEqualTo("zendesk");
        assertThat(source.messageKey()).isNull();
    }

    @Test
    void an_api_request_has_no_message_and_no_records() {
        IntakeRequest request = new IntakeRequest(Channel.API, "Ann@Example.com ", null, " ", null);

        assertThat(request.channel()).isEqualTo(Channel.API);
        assertThat(request.source().message()).isNull();
        assertThat(request.source().records()).isEmpty();
        assertThat(request.requesterEmail()).isEqualTo("ann@example.com");
        assertThat(TicketDraft.of(request).events().get(0).reason()).isEqualTo("received from api");
    }
}
