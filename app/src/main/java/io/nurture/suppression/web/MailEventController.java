package io.nurture.suppression.web;

import io.nurture.suppression.MailEvent;
import io.nurture.suppression.MailEventType;
import io.nurture.suppression.Suppressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail provider's delivery webhooks: bounces and complaints put addresses on the suppression
 * list. Both are authenticated by their signature (the security filter), not by an API key.
 */
@RestController
class MailEventController {

    static final int MOST_EVENTS = 100;

    private final Suppressions suppressions;

    MailEventController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Operation(summary = "Delivery events in Nurture's own format", description = """
                    A batch of bounces and complaints, signed: X-Nurture-Timestamp (seconds since 1970) and \
                    X-Nurture-Signature: sha256=<hex of HMAC-SHA256(nurture.mail-events.secret, "<timestamp>.<body>")>. \
                    A hard bounce or a complaint suppresses the address at once; soft bounces once \
                    nurture.mail-events.soft-bounce-limit of them fell within soft-bounce-window. An event id sent \
                    before changes nothing.""")
    @PostMapping(MailEventPaths.NURTURE)
    @ApiResponse(responseCode = "200", description = "Taken: how many events were new, how many repeats")
    @ApiResponse(responseCode = "400", description = "An event is invalid: events[i].field names it")
    @ApiResponse(responseCode = "401", description = "No signature, a wrong one, or a timestamp too far from now")
    @ApiResponse(responseCode = "503", description = "nurture.mail-events.secret is not set")
    Suppressions.Taken post(@Valid @RequestBody MailEventBatch batch) {
        return suppressions.take(batch.events().stream()
                .map(event ->
                        new MailEvent("nurture", event.eventId(), event.type(), event.email(), event.occurredAt()))
                .toList());
    }

    @Operation(summary = "Mailgun's webhook for failed and complained events", description = """
                    Mailgun's own format, signed by Mailgun with the webhook signing key \
                    (nurture.mail-events.mailgun-signing-key): "failed" with severity "permanent" is a hard bounce, \
                    "temporary" a soft bounce, "complained" a complaint; other events are taken and ignored.""")
    @PostMapping(MailEventPaths.MAILGUN)
    @ApiResponse(responseCode = "200", description = "Taken (an ignored kind of event counts as neither)")
    @ApiResponse(responseCode = "400", description = "The event lacks a field: event-data.<field> names it")
    @ApiResponse(responseCode = "401", description = "No signature, a wrong one, or a timestamp too far from now")
    @ApiResponse(responseCode = "503", description = "nurture.mail-events.mailgun-signing-key is not set")
    Suppressions.Taken mailgun(@RequestBody MailgunEvents.Webhook webhook) {
        return MailgunEvents.toEvent(webhook)
                .map(event -> suppressions.take(List.of(event)))
                .orElse(new Suppressions.Taken(0, 0));
    }

    record MailEventBatch(@NotEmpty @Size(max = MOST_EVENTS) List<@NotNull @Valid MailEventRequest> events) {}

    record MailEventRequest(
            @Schema(
                    description = "the provider's id of the event; sent again, it changes nothing",
                    example = "evt-81f2")
            @NotBlank
            @Size(max = 128)
            String eventId,

            @Schema(example = "HARD_BOUNCE") @NotNull MailEventType type,

            @Schema(description = "the address the mail went to", example = "ada@example.com")
            @NotBlank
            @Email
            @Size(max = 254)
            String email,

            @Schema(example = "2026-12-03T10:15:30Z") @NotNull
            Instant occurredAt) {}
}
