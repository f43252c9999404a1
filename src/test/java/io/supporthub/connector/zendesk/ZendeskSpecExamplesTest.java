package io.supporthub.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.supporthub.contract.VendorSpecs;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example answer Zendesk's own OpenAPI description documents for the operations the hub calls
 * parses with the hub's readers — fixtures nobody here wrote or may edit (../shared/specs/zendesk).
 */
class ZendeskSpecExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode spec;

    /** The operations the client calls, by the description's operationId, and how the client reads their answers. */
    private static final Map<String, ExampleReader> READERS = new LinkedHashMap<>();

    static {
        READERS.put("CreateTicket", json -> ticket(ZendeskJson.read(json, ZendeskJson.TicketAnswer.class).ticket()));
        READERS.put("ShowTicket", json -> ticket(ZendeskJson.read(json, ZendeskJson.TicketAnswer.class).ticket()));
        READERS.put("UpdateTicket", json -> ticket(ZendeskJson.read(json, ZendeskJson.TicketAnswer.class).ticket()));
        READERS.put("ListTicketComments", json -> ZendeskJson.read(json, CommentPage.Answer.class).page().comments());
        READERS.put("IncrementalTicketExportCursor", json -> ZendeskJson.read(json, ExportPage.Answer.class)
                .page(ExportPosition.startingAt(Instant.EPOCH), Instant.EPOCH));
        READERS.put("SearchUsers", json -> ZendeskJson.read(json, ZendeskJson.UsersAnswer.class).users());
        READERS.put("CreateOrUpdateUser", json -> user(ZendeskJson.read(json, ZendeskJson.UserAnswer.class).user()));
        READERS.put("ShowCurrentUser", json -> user(ZendeskJson.read(json, ZendeskJson.UserAnswer.class).user()));
        READERS.put("UploadFiles", json -> ZendeskJson.read(json, ZendeskJson.UploadAnswer.class).upload().token());
    }

    @FunctionalInterface
    interface ExampleReader {
        Object read(String json) throws IOException;
    }

    @BeforeAll
    static void zendeskDescription() throws IOException {
        VendorSpecs.assumeShared();
        spec = new YAMLMapper().readTree(VendorSpecs.ZENDESK_SUPPORT.toFile());
    }

    @Test
    void every_documented_answer_of_every_operation_the_hub_calls_parses() throws Exception {
        Map<String, List<JsonNode>> examples = examplesByOperation();
        assertThat(examples.keySet()).as("operations found in the description").containsAll(READERS.keySet());
        int parsed = 0;
        for (Map.Entry<String, ExampleReader> reader : READERS.entrySet()) {
            List<JsonNode> documented = examples.get(reader.getKey());
            assertThat(documented).as(reader.getKey() + " documents example answers").isNotEmpty();
            for (JsonNode example : documented) {
                Object read = reader.getValue().read(JSON.writeValueAsString(example));
                assertThat(read).as(reader.getKey() + " example " + example).isNotNull();
                parsed++;
            }
        }
        // the snapshot of 2026-07 documents 17 answers for these nine operations
        assertThat(parsed).isGreaterThanOrEqualTo(17);
    }

    @Test
    void the_documented_examples_read_as_zendesk_means_them() throws Exception {
        Map<String, List<JsonNode>> examples = examplesByOperation();
        ExportPage page = ZendeskJson.read(JSON.writeValueAsString(examples.get("IncrementalTicketExportCursor").get(0)), ExportPage.Answer.class)
                .page(ExportPosition.startingAt(Instant.EPOCH), Instant.EPOCH);
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.next()).isEqualTo(ExportPosition.after("MTU3NjYxMzUzOS4wfHw0Njd8"));
        assertThat(page.tickets()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(35436L);
            assertThat(t.externalId()).isEqualTo("ahg35h3jh");
            assertThat(t.updatedAt()).isEqualTo(Instant.parse("2011-05-05T10:38:52Z"));
        });
        List<ZendeskComment> comments = ZendeskJson.read(JSON.writeValueAsString(examples.get("ListTicketComments").get(0)),
                CommentPage.Answer.class).page().comments();
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.isPublicReply()).isTrue();
            assertThat(c.attachments()).singleElement().extracting(ZendeskAttachment::fileName).isEqualTo("crash.log");
        });
    }

    @Test
    void every_documented_error_answer_in_the_description_reads_without_failing_and_keeps_zendesk_s_words() {
        List<JsonNode> errors = new ArrayList<>();
        forEachOperation((operationId, status, example) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                errors.add(example);
            }
        });
        assertThat(errors).as("error examples in the description").hasSizeGreaterThan(20);
        for (JsonNode example : errors) {
            String body = example.isTextual() ? example.asText() : example.toString();
            assertThatCode(() -> ZendeskError.read(body)).doesNotThrowAnyException();
            boolean saysSomething = example.has("error") || example.has("errors") || example.has("description");
            if (saysSomething) {
                assertThat(ZendeskError.read(body).said()).as("words of " + body).isNotBlank();
            }
        }
    }

    private static Map<String, List<JsonNode>> examplesByOperation() {
        Map<String, List<JsonNode>> byOperation = new LinkedHashMap<>();
        forEachOperation((operationId, status, example) -> {
            if (status.startsWith("2")) {
                byOperation.computeIfAbsent(operationId, id -> new ArrayList<>()).add(example);
            }
        });
        return byOperation;
    }

    @FunctionalInterface
    interface ExampleVisitor {
        void visit(String operationId, String status, JsonNode example);
    }

    /** Each JSON example of each response of each operation: inline {@code example}, {@code examples.*.value} or a $ref to components/examples. */
    private static void forEachOperation(ExampleVisitor visitor) {
        for (JsonNode path : spec.path("paths")) {
            for (JsonNode operation : path) {
                Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode media = response.getValue().path("content").path("application/json");
                    if (media.has("example")) {
                        visitor.visit(operation.path("operationId").asText(), response.getKey(), media.get("example"));
                    }
                    for (JsonNode example : media.path("examples")) {
                        JsonNode resolved = example.has("$ref") ? spec.at(example.get("$ref").asText().substring(1)) : example;
                        visitor.visit(operation.path("operationId").asText(), response.getKey(), resolved.path("value"));
                    }
                }
            }
        }
    }

    private static ZendeskTicket ticket(ZendeskTicket ticket) {
        assertThat(ticket.id()).as("the ticket's id").isNotNull();
        return ticket;
    }

    private static ZendeskUser user(ZendeskUser user) {
        assertThat(user.id()).as("the user's id").isNotNull();
        return user;
    }
}
