package io.supporthub.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock stubs of the Salesforce REST API in its documented shapes: the OAuth 2.0
 * username-password token response and a SOQL query answer with a Contact and its Account.
 */
public final class SalesforceStubs {

    private SalesforceStubs() {
    }

    public static void token(WireMockServer wm) {
        token(wm, wm.baseUrl());
    }

    /** The token answer naming {@code instanceUrl} as the instance to call next, and the logout camel-salesforce makes when it stops. */
    public static void token(WireMockServer wm, String instanceUrl) {
        wm.stubFor(post("/services/oauth2/token").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"access_token\":\"00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.39AsX.LVpxezPwuX5VAIrrbbHMuol7GQxnMeYMN7cj8EoWr78nt1u44zU31IbYNNJguseu\","
                        + "\"instance_url\":\"" + instanceUrl + "\",\"id\":\"" + instanceUrl + "/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1700000000000\",\"signature\":\"CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=\"}")));
        wm.stubFor(get(urlPathMatching("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
    }

    /** A Contact found by e-mail, with the Account fields the hub reads. */
    public static void contact(WireMockServer wm, String email, String name, String account, String tier, long annualRevenue) {
        contact(wm, email, name, ACCOUNT_ID, account, tier, annualRevenue);
    }

    /** The account id every {@link #contact(WireMockServer, String, String, String, String, long)} belongs to. */
    public static final String ACCOUNT_ID = "001xx000003DGb2AAG";

    /** A Contact found by e-mail whose Account has the given record id. */
    public static void contact(WireMockServer wm, String email, String name, String accountId, String account, String tier, long annualRevenue) {
        wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'" + email + "'"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact","url":"/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS"},
                         "Id":"003xx000004TmiQAAS","Name":"%s","Email":"%s",
                         "Account":{"attributes":{"type":"Account","url":"/services/data/v62.0/sobjects/Account/%s"},
                          "Id":"%s","Name":"%s","Customer_Tier__c":"%s","AnnualRevenue":%d,"Health_Score__c":"Green",
                          "Owner":{"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005xx000001SwiUAAS"},"Name":"Olivia Owens"}}}]}
                        """.formatted(name, email, accountId, accountId, account, tier, annualRevenue))));
    }

    /** The answer to SELECT COUNT() FROM Case WHERE AccountId = … AND IsClosed = false: the count as totalSize, no records. */
    public static void openCases(WireMockServer wm, String accountId, int count) {
        wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("FROM Case WHERE AccountId = '" + accountId + "'"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"totalSize\":" + count + ",\"done\":true,\"records\":[]}")));
    }

    /** The documented error when the integration user may not read Case: 400 INVALID_TYPE. */
    public static void openCasesRefused(WireMockServer wm, String accountId) {
        wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("FROM Case WHERE AccountId = '" + accountId + "'"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "[{\"message\":\"\\nSELECT COUNT() FROM Case WHERE AccountId\\n                     ^\\nERROR at Row:1:Column:22\\n"
                                + "sObject type 'Case' is not supported. If you are attempting to use a custom object, be sure to append the '__c' "
                                + "after the entity name. Please reference your WSDL or the describe call for the appropriate names.\","
                                + "\"errorCode\":\"INVALID_TYPE\"}]")));
    }

    /** Any other e-mail: no Contact, the documented empty result. */
    public static void noContact(WireMockServer wm) {
        wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
    }
}
