package io.supporthub.connector.spi;

import java.time.Instant;

/**
 * Where one stream of one connector has read up to, e.g. ("zendesk", "tickets") at Zendesk's export
 * cursor. The position is the adapter's own encoding (a cursor as the system gives it, or JSON for a
 * keyset such as ServiceNow's sys_updated_on + sys_id); the store never interprets it.
 */
public record ConnectorCursor(String connector, String stream, String position, Instant updatedAt) {
}
