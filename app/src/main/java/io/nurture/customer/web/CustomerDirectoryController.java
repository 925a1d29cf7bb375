package io.nurture.customer.web;

import io.nurture.api.InvalidRequestException;
import io.nurture.api.OneLine;
import io.nurture.api.TimeZoneId;
import io.nurture.customer.Customer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    CustomerDirectoryController(CustomerService customers) {
        this.customers = customers;
    }

    @Operation(
            summary = "Find a customer by e-mail address",
            description =
                    "The customer with this address, as one element, or none; an erased customer keeps no address.")
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
                    one's answer on marketing consent is taken when consentedAt is newer than the answer Nurture \
                    holds (an answer given here since wins). Each answer taken is recorded with source IMPORT, \
                    the wording the person saw, consentedAt and the staff client (GET .../consents). No journey \
                    starts and no mail goes. Again with the same people: UNCHANGED.""")
    @PostMapping("/api/customers/imports")
    ImportResult importPeople(@Valid @RequestBody ImportRequest request, Principal staff) {
        refuseRepeatedAddresses(request.customers());
        List<Imported> imported = customers.importPeople(
                request.customers().stream().map(Person::toImported).toList(), staff.getName());
        return ImportResult.of(imported);
    }

    /** One person twice would take whichever answer came last, silently. */
    private static void refuseRepeatedAddresses(List<Person> people) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Integer earlier = first.putIfAbsent(people.get(i).email().trim().toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new InvalidRequestException(
                        "customers[" + i + "].email", "appears twice in this import (also customers[" + earlier + "])");
            }
        }
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

        ImportedPerson toImported() {
            return new ImportedPerson(
                    email.trim(),
                    name == null ? "" : name.trim(),
                    marketingConsent,
                    consentedAt,
                    wording,
                    TimeZones.parse(timeZone).orElse(null));
        }
    }

    /** Counts, and each person's customer id and outcome in the order given. */
    record ImportResult(int registered, int consentTaken, int unchanged, List<Imported> customers) {

        static ImportResult of(List<Imported> imported) {
            return new ImportResult(
                    count(imported, Imported.Outcome.REGISTERED),
                    count(imported, Imported.Outcome.CONSENT_TAKEN),
                    count(imported, Imported.Outcome.UNCHANGED),
                    imported);
        }

        private static int count(List<Imported> imported, Imported.Outcome outcome) {
            return (int) imported.stream()
                    .filter(person -> person.outcome() == outcome)
                    .count();
        }
    }
}
