package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.app.flow.RouteVocabulary.Kind;
import io.supporthub.app.flow.RouteVocabulary.Use;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The routes speak the exchange vocabulary the beans declare: a header or exchange property a route names that is not in
 * {@link HeaderNames} or {@link PropertyNames} (nor one of Camel's own, {@link Exchange}) is a typo or a name a bean
 * no longer uses, and fails here instead of as a silent null at run time.
 */
class ExchangeVocabularyTest {

    static final Path ROUTES = Path.of("routes");

    @Test
    void every_header_a_route_names_is_declared() {
        assertThat(undeclared(RouteVocabulary.of(ROUTES), Kind.HEADER)).isEmpty();
    }

    @Test
    void every_exchange_property_a_route_names_is_declared() {
        assertThat(undeclared(RouteVocabulary.of(ROUTES), Kind.PROPERTY)).isEmpty();
    }

    @Test
    void the_routes_are_read_where_they_name_things() {
        List<Use> uses = RouteVocabulary.of(ROUTES);
        // one of each way a route names a header, a property or a bean, so a reader that stops seeing one fails here
        assertThat(uses).extracting(Use::kind, Use::name).contains(
                org.assertj.core.groups.Tuple.tuple(Kind.HEADER, HeaderNames.TIER),                // setHeader name
                org.assertj.core.groups.Tuple.tuple(Kind.HEADER, HeaderNames.CUSTOMER_TIER),       // ${header.X}
                org.assertj.core.groups.Tuple.tuple(Kind.HEADER, HeaderNames.SLACK_CHANNEL),       // ${header.X} in a toD uri
                org.assertj.core.groups.Tuple.tuple(Kind.HEADER, HeaderNames.CONTENT_DISPOSITION), // removeHeaders excludePattern
                org.assertj.core.groups.Tuple.tuple(Kind.PROPERTY, PropertyNames.NOTIFICATION),    // setProperty name
                org.assertj.core.groups.Tuple.tuple(Kind.BEAN, "notificationStep"),                // bean ref
                org.assertj.core.groups.Tuple.tuple(Kind.BEAN, "smtpProperties"));                 // #bean in an endpoint parameter
    }

    @Test
    void a_made_up_header_or_property_fails() {
        List<Use> uses = RouteVocabulary.of("made-up.camel.yaml", """
                - route:
                    id: made-up
                    from:
                      uri: direct:made-up
                      steps:
                        - setHeader: { name: hubNoSuchHeader, constant: x }
                        - filter:
                            simple: "${header[hubTypoHeader]} == 1 && ${headers.hubTier} != null"
                            steps:
                              - setBody:
                                  exchangeProperty: hubNoSuchProperty
                              - log: "${exchangeProperty.hubNotification.id} ${exchangeProperty[hubTypoProperty]}"
                              - setBody:
                                  header: CamelHttpResponseCode
                """);

        assertThat(undeclared(uses, Kind.HEADER)).containsExactly("hubNoSuchHeader", "hubTypoHeader");
        assertThat(undeclared(uses, Kind.PROPERTY)).containsExactly("hubNoSuchProperty", "hubTypoProperty");
    }

    @Test
    void a_header_is_not_read_as_a_property() {
        List<Use> uses = RouteVocabulary.of("mixed-up.camel.yaml", """
                - route:
                    from:
                      uri: direct:mixed-up
                      steps:
                        - log: "${exchangeProperty.hubTicketKey} ${header.hubNotification}"
                """);

        assertThat(undeclared(uses, Kind.PROPERTY)).containsExactly("hubTicketKey");
        assertThat(undeclared(uses, Kind.HEADER)).containsExactly("hubNotification");
    }

    @Test
    void the_vocabulary_spells_each_name_once() {
        Set<String> headers = RouteVocabulary.constants(HeaderNames.class);
        Set<String> properties = RouteVocabulary.constants(PropertyNames.class);
        assertThat(headers).hasSize(HeaderNames.class.getFields().length);
        assertThat(properties).hasSize(PropertyNames.class.getFields().length);
        assertThat(headers).doesNotContainAnyElementsOf(properties);
    }

    /** The names of the given kind that are neither ours nor Camel's, sorted; each once. */
    static Set<String> undeclared(List<Use> uses, Kind kind) {
        Set<String> declared = RouteVocabulary.constants(kind == Kind.HEADER ? HeaderNames.class : PropertyNames.class, Exchange.class);
        Set<String> missing = new TreeSet<>();
        uses.stream().filter(u -> u.kind() == kind && !declared.contains(u.name())).forEach(u -> missing.add(u.name()));
        return missing;
    }
}
