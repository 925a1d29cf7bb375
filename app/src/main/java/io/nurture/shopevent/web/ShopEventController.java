package io.nurture.shopevent.web;

import io.nurture.api.NotFoundException;
import io.nurture.api.OneLine;
import io.nurture.customer.CustomerService;
import io.nurture.shopevent.ShopEvent;
import io.nurture.shopevent.ShopEventType;
import io.nurture.shopevent.ShopEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What the shop tells Nurture before an order: page views, carts, checkouts and sign-ups, in batches. */
@RestController
class ShopEventController {

    static final int MOST_EVENTS = 100;
    private static final String ID = "[\\w.:-]+";
    private static final String ID_RULE = "must be letters, digits, '.', ':', '_' or '-'";

    private final ShopEvents events;
    private final CustomerService customers;

    ShopEventController(ShopEvents events, CustomerService customers) {
        this.events = events;
        this.customers = customers;
    }

    /** The customer's latest 100 shop events, newest first (raw events are kept for nurture.events.retention). */
    @GetMapping("/api/customers/{customerId}/events")
    List<ShopEvents.Seen> eventsOf(@PathVariable String customerId) {
        if (customers.find(customerId).isEmpty()) {
            throw new NotFoundException("No customer " + customerId);
        }
        return events.latestOf(customerId, MOST_EVENTS);
    }

    /**
     * Every event of the batch is checked before any is stored: one bad event refuses the batch
     * (400 naming it and its field) and stores nothing. An event id sent before is accepted and
     * changes nothing.
     */
    @PostMapping("/api/events")
    @ApiResponse(responseCode = "202", description = "Taken: how many events were new, how many repeats")
    @ApiResponse(responseCode = "400", description = "An event is invalid: events[i].field names it")
    @ApiResponse(responseCode = "413", description = "The body is larger than nurture.events.body-limit")
    ResponseEntity<ShopEvents.Outcome> post(@Valid @RequestBody EventBatch batch) {
        return ResponseEntity.accepted()
                .body(events.record(
                        batch.events().stream().map(EventRequest::toEvent).toList()));
    }

    record EventBatch(@NotEmpty @Size(max = MOST_EVENTS) List<@NotNull @Valid EventRequest> events) {}

    record EventRequest(
            @Schema(description = "the shop's own id of the event; sent again, it changes nothing", example = "ev-7f3a")
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = ID, message = ID_RULE)
            String eventId,

            @Schema(example = "CHECKOUT_STARTED") @NotNull ShopEventType type,

            @Schema(example = "2026-12-03T10:15:30Z") @NotNull
            Instant occurredAt,

            @NotNull @Valid Person person,

            @Schema(description = "for CART_UPDATED and CHECKOUT_STARTED: the cart as it is now") @Valid
            Cart cart,

            @Schema(description = "for PRODUCT_VIEWED: the product seen", example = "TEA-SENCHA-100") @Size(max = 64)
            String sku) {

        ShopEvent toEvent() {
            return new ShopEvent(
                    eventId,
                    type,
                    occurredAt,
                    new ShopEvent.Person(
                            person.email(), person.anonymousId(), person.name(), person.marketingConsent()),
                    cart == null
                            ? null
                            : new ShopEvent.Cart(
                                    cart.cartId(),
                                    cart.lines().stream()
                                            .map(line -> new ShopEvent.Line(line.sku(), line.quantity()))
                                            .toList()),
                    sku);
        }
    }

    /** An e-mail address, the anonymous id the shop keeps for a person it does not know yet, or both. */
    record Person(
            @Schema(example = "ada@example.com") @Email @Size(max = 254)
            String email,

            @Schema(example = "anon-5f1c2a") @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE)
            String anonymousId,

            @Schema(example = "Ada Lovelace") @Size(max = 200) @OneLine
            String name,

            @Schema(
                    description = "for SIGNED_UP: the person asked for offers and news by e-mail; it holds once they"
                            + " confirm the link Nurture mails them (double opt-in)",
                    example = "true")
            Boolean marketingConsent) {}

    record Cart(
            @Schema(example = "cart-42") @NotBlank @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE)
            String cartId,

            @Schema(description = "the cart's lines now; empty when the shop emptied it") @NotNull @Size(max = 100)
            List<@NotNull @Valid Line> lines) {}

    record Line(
            @Schema(example = "TEA-SENCHA-100") @NotBlank @Size(max = 64)
            String sku,

            @Schema(example = "2") @NotNull @Min(1) @Max(1000)
            Integer quantity) {}
}
