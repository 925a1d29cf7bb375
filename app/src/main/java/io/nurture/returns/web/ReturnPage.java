package io.nurture.returns.web;

import static io.nurture.api.HtmlPages.page;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.api.IdempotencyKeys;
import io.nurture.returns.CustomerReturn;
import io.nurture.returns.InvalidReturnException;
import io.nurture.returns.NewReturn;
import io.nurture.returns.Remedy;
import io.nurture.returns.ReturnReason;
import io.nurture.returns.ReturnRequestReusedException;
import io.nurture.returns.ReturnService;
import io.nurture.returns.ReturnableOrder;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where customers start a return themselves, from the link in their delivery mail: a plain HTML form
 * (per product: how many, why, a comment) that works without JavaScript, reached by the unguessable
 * link only. Sending the form twice (a double click, a reload) asks for one return.
 */
@Controller
@SecurityRequirements
class ReturnPage {

    static final int COMMENT_LIMIT = 500;

    private static final String REASON_OPTIONS = Arrays.stream(ReturnReason.values())
            .map(reason -> "<option value=\"" + reason + "\">" + words(reason) + "</option>")
            .collect(Collectors.joining());

    private final ReturnService returns;
    private final ObjectMapper json;

    ReturnPage(ReturnService returns, ObjectMapper json) {
        this.returns = returns;
        this.json = json;
    }

    @GetMapping(path = "/returns/start/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> form(@PathVariable String token) {
        Optional<ReturnableOrder> order = returns.returnableByLink(token);
        if (order.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Return link not valid", "<p>This return link is not valid.</p>");
        }
        if (!order.get().anythingLeft()) {
            return page(
                    HttpStatus.OK,
                    "Nothing left to return",
                    "<p>Every item of this order is already on its way back or returned.</p>");
        }
        return page(HttpStatus.OK, "Send items back", form(token, order.get()));
    }

    @PostMapping(
            path = "/returns/start/{token}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
        Optional<ReturnableOrder> order = returns.returnableByLink(token);
        if (order.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Return link not valid", "<p>This return link is not valid.</p>");
        }
        List<NewReturn.Line> lines;
        try {
            // Read raw: an empty comment must stay an empty entry, or the lists no longer line up.
            lines = lines(form.get("sku"), form.get("quantity"), form.get("reason"), form.get("comment"));
        } catch (IllegalArgumentException unreadable) {
            return problem(token, unreadable.getMessage());
        }
        if (lines.isEmpty()) {
            return problem(token, "Please choose at least one item to send back.");
        }
        try {
            CustomerReturn asked = returns.request(new NewReturn(
                    returnIdOf(token, form.getFirst("requestId")),
                    order.get().orderId(),
                    remedy(form.getFirst("remedy"), order.get()),
                    IdempotencyKeys.fingerprint(json, lines),
                    lines));
            return page(
                    HttpStatus.OK,
                    "We have your return request",
                    "<p>Thank you. Your return " + htmlEscape(asked.getId())
                            + " is requested; we are sending you an e-mail with what happens next.</p>");
        } catch (InvalidReturnException | ReturnRequestReusedException refused) {
            return problem(token, "We could not take this return: " + refused.getMessage() + ".");
        }
    }

    /**
     * As chosen, even one the page no longer offers (a form from before, in an old tab: refused
     * naming what to choose instead); the first offered when the form named none.
     */
    private static Remedy remedy(String chosen, ReturnableOrder order) {
        return chosen == null || chosen.isBlank()
                ? order.remedies().get(0)
                : "REPLACEMENT".equals(chosen) ? Remedy.REPLACEMENT : Remedy.REFUND;
    }

    /** One return per rendered form: sending it again asks for the same return. */
    private static String returnIdOf(String token, String requestId) {
        String form =
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        return UUID.nameUUIDFromBytes(("return page " + token + " " + form).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static List<NewReturn.Line> lines(
            List<String> skus, List<String> quantities, List<String> reasons, List<String> comments) {
        if (skus == null
                || quantities == null
                || reasons == null
                || skus.size() != quantities.size()
                || skus.size() != reasons.size()
                || (comments != null && comments.size() != skus.size())) {
            throw new IllegalArgumentException("The form came back incomplete; please fill it in again.");
        }
        List<NewReturn.Line> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            int howMany = number(quantities.get(i));
            String note = comments == null ? "" : comments.get(i).strip();
            if (note.length() > COMMENT_LIMIT) {
                throw new IllegalArgumentException("Please keep each comment to " + COMMENT_LIMIT + " characters.");
            }
            if (howMany > 0) {
                lines.add(
                        new NewReturn.Line(skus.get(i), howMany, reason(reasons.get(i)), note.isEmpty() ? null : note));
            }
        }
        return lines;
    }

    private static int number(String quantity) {
        try {
            int howMany = Integer.parseInt(quantity);
            if (howMany < 0 || howMany > 1000) {
                throw new IllegalArgumentException("Please choose how many of each item to send back.");
            }
            return howMany;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("Please choose how many of each item to send back.");
        }
    }

    private static ReturnReason reason(String reason) {
        try {
            return ReturnReason.valueOf(reason);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Please choose why you send each item back.");
        }
    }

    private static ResponseEntity<String> problem(String token, String message) {
        return page(
                HttpStatus.BAD_REQUEST,
                "Please check your return",
                "<p role=\"alert\">" + htmlEscape(message) + "</p><p><a href=\"/returns/start/" + htmlEscape(token)
                        + "\">Back to the form</a></p>");
    }

    private static String form(String token, ReturnableOrder order) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < order.lines().size(); i++) {
            ReturnableOrder.Line line = order.lines().get(i);
            if (line.returnable() == 0) {
                continue;
            }
            StringBuilder howMany = new StringBuilder();
            for (int n = 0; n <= line.returnable(); n++) {
                howMany.append("<option value=\"")
                        .append(n)
                        .append("\">")
                        .append(n)
                        .append("</option>");
            }
            items.append("""
                    <fieldset>
                    <legend>%1$s</legend>
                    <input type="hidden" name="sku" value="%2$s">
                    <p><label for="quantity-%3$d">How many to send back</label>
                    <select id="quantity-%3$d" name="quantity">%4$s</select></p>
                    <p><label for="reason-%3$d">Why</label>
                    <select id="reason-%3$d" name="reason">%5$s</select></p>
                    <p><label for="comment-%3$d">Anything we should know? (optional)</label><br>
                    <input type="text" id="comment-%3$d" name="comment" size="40" maxlength="%6$d"></p>
                    </fieldset>
                    """.formatted(
                    htmlEscape(line.name()), htmlEscape(line.sku()), i, howMany, REASON_OPTIONS, COMMENT_LIMIT));
        }
        return """
                <p>Order %s. Choose what you send back and why; we reply by e-mail with a return label.</p>
                <form method="post" action="/returns/start/%s">
                <input type="hidden" name="requestId" value="%s">
                %s<fieldset>
                <legend>What would you like instead?</legend>
                <p>%s</p>
                </fieldset>
                <p><button type="submit">Ask for the return</button></p>
                </form>
                """.formatted(htmlEscape(order.orderId()), htmlEscape(token), UUID.randomUUID(), items, remedies(order));
    }

    private static String remedies(ReturnableOrder order) {
        List<String> choices = new ArrayList<>();
        for (Remedy remedy : order.remedies()) {
            choices.add("<label><input type=\"radio\" name=\"remedy\" value=\"%s\"%s> %s</label>"
                    .formatted(remedy.name(), choices.isEmpty() ? " checked" : "", words(remedy)));
        }
        if (order.replacement()) {
            choices.add("These items replaced earlier ones at no cost, so we can send them again;"
                    + " for your money back, please contact us about the order they replaced.");
        }
        return String.join("<br>\n", choices);
    }

    private static String words(Remedy remedy) {
        return switch (remedy) {
            case REFUND -> "My money back";
            case REPLACEMENT -> "The same items again, at no cost";
        };
    }

    private static String words(ReturnReason reason) {
        return switch (reason) {
            case CHANGED_MIND -> "I changed my mind";
            case WRONG_ITEM -> "I got the wrong item";
            case DAMAGED -> "It arrived damaged";
            case NOT_AS_DESCRIBED -> "It is not as described";
            case OTHER -> "Something else";
        };
    }
}
