package io.nurture.customer.web;

import io.nurture.api.InvalidRequestException;
import io.nurture.api.OneLine;
import io.nurture.api.TimeZoneId;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerImport;
import io.nurture.customer.CustomerService;
import io.nurture.customer.Imported;
import io.nurture.customer.ImportedPerson;
import io.nurture.customer.LifecycleStage;
import io.nurture.customer.TimeZones;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customers as a whole: staff find one by e-mail address (a person who writes in gives that,
 * not an id), and bring in the shop's customers from its earlier system with the consent each gave
 * there.
 */
@RestController
class CustomerDirectoryController {

    static final int MAX_PEOPLE = 1000;

    private final CustomerService customers;
    private final CustomerImport imports;

    CustomerDirectoryController(CustomerService customers, CustomerImport imports) {
        this.customers = customers;
        this.imports = imports;
    }

    @Operation(
            summary = "Find a customer by e-mail address",
            description =
                    "The customer with this address, as one element, or none; an erased customer keeps no address.")
    // Not required to Spring, so a missing address is refused by validation, naming "email".
    @GetMapping("/api/customers")
    List<Found> find(
            @Schema(example = "ada@example.com") @RequestParam(required = false) @NotBlank @Email @Size(max = 254)
                    String email) {
        return customers.byEmail(email).map(Found::of).stream().toList();
    }

    record Found(String customerId, String email, LifecycleStage stage, boolean marketingConsent) {

        static Found of(Customer customer) {
            return new Found(
                    customer.getId(), customer.getEmail(), customer.getStage(), customer.hasMarketingConsent());
        }
    }

    @Operation(summary = "Import customers with the consent they gave in the shop's earlier system", description = """
                    All or nothing, up to 1,000 people. A person Nurture does not know is registered; a known \
                    one's answer on marketing consent is taken when consentedAt is newer than their latest answer \
                    here (a change of consent or an unsubscribe), so an answer given here since wins. Each answer \
                    taken is recorded with source IMPORT, the wording the person saw (without their address or \
                    name: it stays after an erasure), consentedAt and the staff client (GET .../consents). No \
                    journey starts and no mail goes. Two addresses the database holds for one person (they differ \
                    in case or accents only): 400 naming the second. Again with the same people: UNCHANGED.""")
    @PostMapping("/api/customers/imports")
    ImportResult importPeople(@Valid @RequestBody ImportRequest request, Principal staff) {
        refuseWordingsNamingThePerson(request.customers());
        List<ImportedPerson> people =
                request.customers().stream().map(Person::toImported).toList();
        return ImportResult.of(imports.take(people, staff.getName()));
    }

    /**
     * The wording stays after the person is erased (it is the proof of what people were shown, not
     * data about one of them), so it must not hold their address or name.
     */
    private static void refuseWordingsNamingThePerson(List<Person> people) {
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            boolean named = person.wording()
                            .toLowerCase(Locale.ROOT)
                            .contains(person.email().toLowerCase(Locale.ROOT))
                    || (person.name() != null
                            && !person.name().isBlank()
                            && asWords(person.name().strip())
                                    .matcher(person.wording())
                                    .find());
            if (named) {
                throw new InvalidRequestException(
                        "customers[" + i + "].wording",
                        "must be what the person was shown, without their address or name");
            }
        }
    }

    /** Whole words only: a short name ("Ann") is not found inside another word ("annually"). */
    private static Pattern asWords(String name) {
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    record ImportRequest(
            @Schema(description = "the people, 1 to 1,000") @NotNull @Size(min = 1, max = MAX_PEOPLE)
            List<@Valid @NotNull Person> customers) {}

    record Person(
            @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254)
            String email,

            @Schema(description = "absent when the earlier system did not know it", example = "Ada Lovelace")
            @Size(max = 200)
            @OneLine
            String name,

            @Schema(description = "what they answered there: true agreed to marketing mail, false did not") @NotNull
            Boolean marketingConsent,

            @Schema(description = "when they answered there", example = "2025-03-01T09:30:00Z") @NotNull @PastOrPresent
            Instant consentedAt,

            @Schema(
                    description = "the wording they were shown when they answered, as proof",
                    example = "Yes, send me offers and news by e-mail (newsletter box, old shop's checkout)")
            @NotBlank
            @Size(max = 300)
            @OneLine
            String wording,

            @Schema(description = "IANA time zone, for quiet hours; absent: assumed later", example = "Europe/Berlin")
            @TimeZoneId
            String timeZone) {

        /** At the database's precision, so the answer recorded and the one compared later agree. */
        ImportedPerson toImported() {
            return new ImportedPerson(
                    email,
                    name == null ? "" : name.strip(),
                    marketingConsent,
                    consentedAt.truncatedTo(ChronoUnit.MICROS),
                    wording.strip(),
                    TimeZones.parse(timeZone).orElse(null));
        }
    }

    /** Counts, and each person's customer id and outcome in the order given. */
    record ImportResult(int registered, int consentTaken, int unchanged, List<Row> customers) {

        record Row(String customerId, Imported.Outcome outcome) {}

        static ImportResult of(List<Imported> imported) {
            return new ImportResult(
                    count(imported, Imported.Outcome.REGISTERED),
                    count(imported, Imported.Outcome.CONSENT_TAKEN),
                    count(imported, Imported.Outcome.UNCHANGED),
                    imported.stream()
                            .map(person -> new Row(person.customerId(), person.outcome()))
                            .toList());
        }

        private static int count(List<Imported> imported, Imported.Outcome outcome) {
            return (int) imported.stream()
                    .filter(person -> person.outcome() == outcome)
                    .count();
        }
    }
}
