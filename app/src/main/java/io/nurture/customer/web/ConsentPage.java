package io.nurture.customer.web;

import static io.nurture.api.HtmlPages.page;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.nurture.customer.ConsentRequests;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where the sign-up confirmation mail's link leads (double opt-in), by its unguessable token and
 * no login. Opening the link only asks: mail scanners open links too, so the consent is given by
 * the button, which posts.
 */
@Controller
@SecurityRequirements
class ConsentPage {

    private final ConsentRequests requests;

    ConsentPage(ConsentRequests requests) {
        this.requests = requests;
    }

    @GetMapping(path = "/consent/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> ask(@PathVariable String token) {
        if (!requests.known(token)) {
            return unknownLink();
        }
        return page(HttpStatus.OK, "Confirm your sign-up", """
                <form method="post" action="/consent/%s">
                <p>%s</p>
                <p><button type="submit">Confirm</button></p>
                </form>
                """.formatted(
                        htmlEscape(token), htmlEscape(ConsentRequests.WORDING)));
    }

    @PostMapping(path = "/consent/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> confirm(@PathVariable String token) {
        if (!requests.confirm(token)) {
            return unknownLink();
        }
        return page(
                HttpStatus.OK,
                "Thank you",
                "<p>Your sign-up is confirmed: you will hear from us. Every mail has a link to unsubscribe.</p>");
    }

    private static ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, "Link not valid", "<p>This link is not valid.</p>");
    }
}
