package io.nurture.customer;

import static io.nurture.testing.OrderRequests.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.local.EmbeddedMariaDb;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.HeldInserts;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A shop brings its customers from its earlier system, with the consent each gave there: the
 * people are registered, their answers kept as proof (source IMPORT, the wording they saw, when),
 * an older answer never overrides a newer one, and nobody is mailed for being imported.
 */
@NurtureIntegrationTest
class CustomerImportIntegrationTest {

    private static final String WORDING = "Yes, send me offers by e-mail (old shop's checkout)";
    private static final Instant A_YEAR_AGO =
            Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MICROS);

    private static final String HELD_NAME = "Held Import";

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engine;

    @Autowired
    CustomerService customers;

    @Autowired
    EmbeddedMariaDb database;

    @LocalServerPort
    int port;

    @Test
    void importedPeopleAreRegisteredWithTheirAnswersAsProof() {
        String agreed = "z-" + OrderRequests.newCustomerEmail();
        String refused = "a-" + OrderRequests.newCustomerEmail();

        NurtureClient.Answer answer = importing(person(agreed, true, A_YEAR_AGO), person(refused, false, A_YEAR_AGO));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("registered").asInt()).isEqualTo(2);
        String agreedId = customerIdOf(agreed);
        String refusedId = customerIdOf(refused);
        assertThat(answer.body().path("customers").findValuesAsText("customerId"))
                .as("in the order given")
                .containsExactly(agreedId, refusedId);
        JsonNode consents = api.get("/api/customers/" + agreedId + "/consents").body();
        assertThat(consents.path("marketingConsent").asBoolean()).isTrue();
        JsonNode proof = consents.path("changes").get(0);
        assertThat(proof.path("source").asText()).isEqualTo("IMPORT");
        assertThat(proof.path("wording").asText()).isEqualTo(WORDING);
        assertThat(Instant.parse(proof.path("at").asText())).isEqualTo(A_YEAR_AGO);
        assertThat(proof.path("by").asText()).isEqualTo("journey-harness");
        assertThat(holdsConsent(refusedId)).isFalse();
        assertThat(api.get("/api/customers/" + agreedId).text("timeZone")).isEqualTo("Europe/Berlin");
    }

    @Test
    void nobodyImportedIsMailedOrStartsAJourney() {
        String email = OrderRequests.newCustomerEmail();
        importing(person(email, true, A_YEAR_AGO));
        String customerId = customerIdOf(email);

        // An order placed after the import and shipped: whatever the import had set going went first.
        shop.awaitStatus(
                shop.place(shop.order(OrderRequests.newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"))),
                "SHIPPED");

        assertThat(api.get("/api/customers/" + customerId + "/messages").body()).isEmpty();
        assertThat(EngineRecords.instancesWith(engine.snapshot(), customerId, "customerId"))
                .isEmpty();
    }

    @Test
    void oneAddressTwiceInTheDatabasesSpellingIsRefusedAndNothingIsWritten() {
        String email = OrderRequests.newCustomerEmail();

        NurtureClient.Answer answer =
                importing(person(email, true, A_YEAR_AGO), person(email.toUpperCase(Locale.ROOT), false, A_YEAR_AGO));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("customers[1].email");
        assertThat(api.get("/api/customers?email=" + email).body()).isEmpty();
    }

    @Test
    void anUnsubscribeHereThatChangedNothingStillWinsOverAnOlderAnswerImported() {
        String email = OrderRequests.newCustomerEmail();
        importing(person(email, false, A_YEAR_AGO));
        String customerId = customerIdOf(email);
        String token = customers.unsubscribeToken(customers.find(customerId).orElseThrow());
        new NurtureClient(port, null).post("/unsubscribe/" + token, "", FORM);

        NurtureClient.Answer again = importing(person(email, true, Instant.now().minus(Duration.ofDays(1))));

        assertThat(again.body().path("unchanged").asInt()).isEqualTo(1);
        assertThat(holdsConsent(customerId)).isFalse();
    }

    @Test
    void aNewerAnswerFromTheEarlierSystemIsTakenAndAnOlderOneIsNot() {
        String email = OrderRequests.newCustomerEmail();
        importing(person(email, false, A_YEAR_AGO));

        NurtureClient.Answer newer = importing(person(email, true, A_YEAR_AGO.plus(Duration.ofDays(30))));
        NurtureClient.Answer older = importing(person(email, false, A_YEAR_AGO.minus(Duration.ofDays(30))));

        assertThat(newer.body().path("consentTaken").asInt()).isEqualTo(1);
        assertThat(older.body().path("unchanged").asInt()).isEqualTo(1);
        JsonNode consents =
                api.get("/api/customers/" + customerIdOf(email) + "/consents").body();
        assertThat(consents.path("marketingConsent").asBoolean()).isTrue();
        assertThat(consents.path("changes").findValuesAsText("granted")).containsExactly("false", "true");
    }

    @Test
    void anAnswerGivenHereSinceTheImportedOneWins() {
        String email = OrderRequests.newCustomerEmail();
        importing(person(email, true, A_YEAR_AGO));
        String customerId = customerIdOf(email);
        api.put("/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", false));

        NurtureClient.Answer again = importing(person(email, true, Instant.now().minus(Duration.ofDays(1))));

        assertThat(again.body().path("unchanged").asInt()).isEqualTo(1);
        assertThat(holdsConsent(customerId)).isFalse();
    }

    @Test
    void theSameImportTwiceChangesNothingTheSecondTime() {
        String email = OrderRequests.newCustomerEmail();
        importing(person(email, true, A_YEAR_AGO));

        NurtureClient.Answer again = importing(person(email, true, A_YEAR_AGO));

        assertThat(again.body().path("unchanged").asInt()).isEqualTo(1);
        assertThat(api.get("/api/customers/" + customerIdOf(email) + "/consents")
                        .body()
                        .path("changes"))
                .hasSize(1);
    }

    @Test
    void twoImportsOfOneNewPersonAtOnceRegisterThemOnceAndTheNewerAnswerHolds() throws Exception {
        String email = OrderRequests.newCustomerEmail();
        Map<String, Object> newerAnswer = person(email, true, A_YEAR_AGO.plus(Duration.ofDays(1)));
        newerAnswer.put("name", HELD_NAME);
        NurtureClient.Answer first;
        NurtureClient.Answer second;
        try (HeldInserts held = HeldInserts.into(database, "customers", "name", HELD_NAME)) {
            // given an import that looked for the person, found nobody and is registering them
            CompletableFuture<NurtureClient.Answer> firstImport =
                    CompletableFuture.supplyAsync(() -> importing(newerAnswer));
            held.awaitHeld(Duration.ofSeconds(30));

            // when another import registers them first, with an older answer
            second = importing(person(email, false, A_YEAR_AGO));
            held.release();
            first = firstImport.get(1, TimeUnit.MINUTES);
        }

        // then the first runs again, finds them known and takes its newer answer
        assertThat(second.body().path("registered").asInt())
                .as(second.body().toString())
                .isEqualTo(1);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("consentTaken").asInt())
                .as(first.body().toString())
                .isEqualTo(1);
        String customerId = customerIdOf(email);
        assertThat(first.body().path("customers").findValuesAsText("customerId"))
                .containsExactly(customerId);
        assertThat(holdsConsent(customerId)).isTrue();
        assertThat(api.get("/api/customers/" + customerId + "/consents").body().path("changes"))
                .hasSize(2);
    }

    @Test
    void anAddressNurtureDoesNotKnowFindsNobody() {
        NurtureClient.Answer found = api.get("/api/customers?email=" + OrderRequests.newCustomerEmail());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).isEmpty();
    }

    @SafeVarargs
    private NurtureClient.Answer importing(Map<String, Object>... people) {
        return api.post("/api/customers/imports", Map.of("customers", List.of(people)));
    }

    private static Map<String, Object> person(String email, boolean consent, Instant at) {
        Map<String, Object> person = new HashMap<>();
        person.put("email", email);
        person.put("name", "Imported Person");
        person.put("marketingConsent", consent);
        person.put("consentedAt", at.toString());
        person.put("wording", WORDING);
        person.put("timeZone", "Europe/Berlin");
        return person;
    }

    private boolean holdsConsent(String customerId) {
        return api.get("/api/customers/" + customerId + "/consents")
                .body()
                .path("marketingConsent")
                .asBoolean();
    }

    private String customerIdOf(String email) {
        JsonNode found = api.get("/api/customers?email=" + email).body();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("email").asText()).isEqualTo(email);
        return found.get(0).path("customerId").asText();
    }
}
