package io.nurture.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nurture.customer.CustomerImport;
import io.nurture.customer.CustomerService;
import io.nurture.customer.Imported;
import io.nurture.customer.ImportedPerson;
import io.nurture.security.SliceClient;
import io.nurture.security.WebSliceTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports valid but for one field, on the web slice: each is refused as a whole with a problem
 * naming that field, before anyone is looked up or registered.
 */
@WebSliceTest(controllers = CustomerDirectoryController.class)
class CustomerDirectoryValidationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerService customers;

    @MockitoBean
    CustomerImport imports;

    @Test
    void aValidImportReachesTheCustomersAsGiven() {
        when(imports.take(anyList(), any())).thenReturn(List.of(new Imported("c-1", Imported.Outcome.REGISTERED)));
        Map<String, Object> person = person("ada@example.com");
        person.remove("name");

        SliceClient.Answer answer = client().post("/api/customers/imports", importOf(person));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("registered").asInt()).isEqualTo(1);
        ArgumentCaptor<List<ImportedPerson>> people = ArgumentCaptor.captor();
        verify(imports).take(people.capture(), eq("journey-harness"));
        assertThat(people.getValue())
                .containsExactly(new ImportedPerson(
                        "ada@example.com",
                        "",
                        true,
                        Instant.parse("2025-03-01T09:30:00Z"),
                        "Yes, send me offers by e-mail",
                        ZoneId.of("Europe/Berlin")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("oneBadField")
    void anImportWithOneBadFieldIsRefusedNamingIt(String field, Object value) {
        Map<String, Object> second = person("grace@example.com");
        second.put(field, value);

        SliceClient.Answer answer =
                client().post("/api/customers/imports", importOf(person("ada@example.com"), second));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.fieldsInError()).as(answer.body().toString()).containsOnly("customers[1]." + field);
        verify(imports, never()).take(anyList(), any());
    }

    static Stream<Arguments> oneBadField() {
        return Stream.of(
                Arguments.of("email", "not-an-address"),
                Arguments.of("email", ""),
                Arguments.of("marketingConsent", null),
                Arguments.of("consentedAt", null),
                Arguments.of(
                        "consentedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                Arguments.of("wording", " "),
                Arguments.of("wording", "w".repeat(301)),
                Arguments.of("wording", "Ada Lovelace agreed to offers"),
                Arguments.of("wording", "Sent to GRACE@example.com on sign-up"),
                Arguments.of("name", "two\nlines"),
                Arguments.of("timeZone", "+02:00"));
    }

    @Test
    void aWordingWithTheNameOnlyInsideAnotherWordIsTaken() {
        when(imports.take(anyList(), any())).thenReturn(List.of(new Imported("c-1", Imported.Outcome.REGISTERED)));
        Map<String, Object> person = person("ann@example.com");
        person.put("name", "Ann");
        person.put("wording", "Yes, send me the annual catalogue by e-mail");

        SliceClient.Answer answer = client().post("/api/customers/imports", importOf(person));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    @Test
    void moreThanAThousandPeopleAreRefused() {
        List<Map<String, Object>> people = IntStream.rangeClosed(0, CustomerDirectoryController.MAX_PEOPLE)
                .mapToObj(i -> person("p" + i + "@example.com"))
                .toList();

        SliceClient.Answer answer = client().post("/api/customers/imports", Map.of("customers", people));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.fieldsInError()).containsOnly("customers");
    }

    @Test
    void aLookUpWithoutAnAddressIsRefusedNamingIt() {
        SliceClient.Answer answer = client().get("/api/customers");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.fieldsInError()).containsOnly("email");
    }

    private SliceClient client() {
        return new SliceClient(mvc, SliceClient.HARNESS_KEY);
    }

    @SafeVarargs
    private static Map<String, Object> importOf(Map<String, Object>... people) {
        return Map.of("customers", new ArrayList<>(List.of(people)));
    }

    private static Map<String, Object> person(String email) {
        Map<String, Object> person = new HashMap<>();
        person.put("email", email);
        person.put("name", "Ada Lovelace");
        person.put("marketingConsent", true);
        person.put("consentedAt", "2025-03-01T09:30:00Z");
        person.put("wording", "Yes, send me offers by e-mail");
        person.put("timeZone", "Europe/Berlin");
        return person;
    }
}
