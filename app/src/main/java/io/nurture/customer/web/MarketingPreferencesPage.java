package io.nurture.customer.web;

import static io.nurture.api.HtmlPages.page;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.nurture.customer.ConsentSource;
import io.nurture.customer.ConsentTopic;
import io.nurture.customer.Consents;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where a marketing mail's links lead, by the unguessable token in them and no login: one-click
 * unsubscribe (RFC 8058: a mail provider POSTs and asks nothing), a page with one button for people
 * who open the link, and the preferences page where a customer can opt back in. Every answer is
 * idempotent and takes effect at once.
 */
@Controller
@SecurityRequirements
class MarketingPreferencesPage {

    /** The wording each way of changing consent showed the person, kept with the change as its proof. */
    private static final String ONE_CLICK = "Unsubscribe in one click (the link in a marketing e-mail)";

    private static final String SUBSCRIBE = "Send me offers and news";
    private static final String UNSUBSCRIBE_ALL = "Unsubscribe from all marketing e-mails";

    private final CustomerService customers;
    private final Consents consents;

    MarketingPreferencesPage(CustomerService customers, Consents consents) {
        this.customers = customers;
        this.consents = consents;
    }

    @GetMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> askToUnsubscribe(@PathVariable String token) {
        return customers
                .byLink(token)
                .map(customer ->
                        page(HttpStatus.OK, "Unsubscribe from marketing e-mails", """
                <p>You will still get e-mails about your orders.</p>
                <form method="post" action="/unsubscribe/%s">
                <p><button type="submit">Unsubscribe</button></p>
                </form>
                """.formatted(htmlEscape(token))))
                .orElseGet(MarketingPreferencesPage::unknownLink);
    }

    @Operation(
            summary = "One-click unsubscribe (RFC 8058): the body a mail provider sends is List-Unsubscribe=One-Click")
    @PostMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return answered(
                customers.setMarketingConsentByLink(token, false, ConsentSource.LINK, ONE_CLICK, Map.of()), token);
    }

    @GetMapping(path = "/preferences/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> preferences(@PathVariable String token) {
        return customers
                .byLink(token)
                .map(customer -> preferencesPage(customer, token, "Your e-mail preferences"))
                .orElseGet(MarketingPreferencesPage::unknownLink);
    }

    /**
     * The page's form: {@code marketing} false leaves all marketing; true gives consent and, when the
     * form showed the topics ({@code topicsShown}), keeps the ticked ones and leaves the others.
     */
    @PostMapping(
            path = "/preferences/{token}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> changePreferences(
            @PathVariable String token,
            @RequestParam boolean marketing,
            @RequestParam(defaultValue = "false") boolean topicsShown,
            @RequestParam(name = "topic", required = false) List<ConsentTopic> kept) {
        Map<ConsentTopic, Boolean> topics = new EnumMap<>(ConsentTopic.class);
        if (marketing && topicsShown) {
            for (ConsentTopic topic : ConsentTopic.values()) {
                topics.put(topic, kept != null && kept.contains(topic));
            }
        }
        return customers
                .setMarketingConsentByLink(
                        token, marketing, ConsentSource.PAGE, marketing ? SUBSCRIBE : UNSUBSCRIBE_ALL, topics)
                .map(customer -> preferencesPage(customer, token, "Your e-mail preferences are saved"))
                .orElseGet(MarketingPreferencesPage::unknownLink);
    }

    private static ResponseEntity<String> answered(Optional<Customer> unsubscribed, String token) {
        return unsubscribed
                .map(customer -> page(
                        HttpStatus.OK,
                        "You are unsubscribed",
                        "<p>You will get no more marketing e-mails from us. E-mails about your orders still come.</p>"
                                + "<p><a href=\"/preferences/" + htmlEscape(token) + "\">Changed your mind?</a></p>"))
                .orElseGet(MarketingPreferencesPage::unknownLink);
    }

    /**
     * Subscribed: the topics as the customer keeps them, to untick, and a way out of all marketing.
     * Not subscribed: one button whose words say what it gives, and no ticked boxes to take as
     * consent (the topics they left before stay left).
     */
    private ResponseEntity<String> preferencesPage(Customer customer, String token, String title) {
        if (!customer.hasMarketingConsent()) {
            return page(HttpStatus.OK, title, """
                    <p>You get no marketing e-mails from us.</p>
                    <form method="post" action="/preferences/%s">
                    <input type="hidden" name="marketing" value="true">
                    <p><button type="submit">%s</button></p>
                    </form>
                    """.formatted(htmlEscape(token), SUBSCRIBE));
        }
        Map<ConsentTopic, Boolean> kept = consents.topicsOf(customer.getId());
        StringBuilder boxes = new StringBuilder();
        for (ConsentTopic topic : ConsentTopic.values()) {
            boxes.append("<p><label><input type=\"checkbox\" name=\"topic\" value=\"")
                    .append(topic.name())
                    .append("\"")
                    .append(kept.get(topic) ? " checked" : "")
                    .append("> ")
                    .append(htmlEscape(topic.wording()))
                    .append("</label></p>\n");
        }
        return page(HttpStatus.OK, title, """
                <p>You get our offers and news by e-mail.</p>
                <form method="post" action="/preferences/%s">
                <input type="hidden" name="marketing" value="true">
                <input type="hidden" name="topicsShown" value="true">
                %s<p><button type="submit">Save my choice</button></p>
                </form>
                <form method="post" action="/preferences/%s">
                <input type="hidden" name="marketing" value="false">
                <p><button type="submit">%s</button></p>
                </form>
                """.formatted(htmlEscape(token), boxes, htmlEscape(token), UNSUBSCRIBE_ALL));
    }

    private static ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, "Link not valid", "<p>This link is not valid.</p>");
    }
}
