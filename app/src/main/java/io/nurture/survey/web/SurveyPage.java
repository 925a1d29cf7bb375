package io.nurture.survey.web;

import static io.nurture.api.HtmlPages.page;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.nurture.survey.Survey;
import io.nurture.survey.SurveyAnswerException;
import io.nurture.survey.SurveyService;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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
 * The survey as a customer sees it: a plain HTML form that works without JavaScript and with a
 * screen reader (a fieldset of labelled radio buttons), reached by the unguessable link only.
 */
@Controller
@SecurityRequirements
class SurveyPage {

    /** What the answer's column holds; the browser's maxlength is only a hint a hostile client skips. */
    static final int COMMENT_LIMIT = 2000;

    private final SurveyService surveys;

    SurveyPage(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping(path = "/surveys/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> form(@PathVariable String token) {
        Survey survey;
        try {
            survey = surveys.find(token);
        } catch (SurveyAnswerException unknown) {
            return page(HttpStatus.NOT_FOUND, "Survey not found", "<p>This survey link is not valid.</p>");
        }
        return switch (survey.getStatus()) {
            case ANSWERED ->
                page(HttpStatus.OK, "Thank you", "<p>You have already answered this survey. Thank you!</p>");
            case EXPIRED -> page(HttpStatus.GONE, "Survey closed", "<p>This survey has closed.</p>");
            case SENT -> page(HttpStatus.OK, "How did we do?", form(survey));
        };
    }

    @PostMapping(
            path = "/surveys/{token}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> submit(
            @PathVariable String token,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment) {
        if (score == null || score < 0 || score > 10) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "Please choose a score",
                    "<p role=\"alert\">Please choose a score from 0 to 10.</p><p><a href=\"/surveys/"
                            + htmlEscape(token) + "\">Back to the survey</a></p>");
        }
        if (comment != null && comment.strip().length() > COMMENT_LIMIT) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "Please shorten your comment",
                    "<p role=\"alert\">Please keep your comment to " + COMMENT_LIMIT
                            + " characters.</p><p><a href=\"/surveys/" + htmlEscape(token)
                            + "\">Back to the survey</a></p>");
        }
        try {
            surveys.answer(token, score, comment == null || comment.isBlank() ? null : comment.strip());
            return page(HttpStatus.OK, "Thank you", "<p>Thank you for your feedback!</p>");
        } catch (SurveyAnswerException refused) {
            HttpStatus status = switch (refused.reason()) {
                case UNKNOWN -> HttpStatus.NOT_FOUND;
                case ALREADY_ANSWERED -> HttpStatus.CONFLICT;
                case EXPIRED -> HttpStatus.GONE;
            };
            return page(status, "Not recorded", "<p>" + htmlEscape(refused.getMessage()) + ".</p>");
        }
    }

    private static String form(Survey survey) {
        StringBuilder scores = new StringBuilder();
        for (int score = 0; score <= 10; score++) {
            scores.append("<label class=\"score\"><input type=\"radio\" name=\"score\" value=\"")
                    .append(score)
                    .append("\" required> ")
                    .append(score)
                    .append("</label>\n");
        }
        return """
                <form method="post" action="/surveys/%s">
                <fieldset>
                <legend>How likely are you to recommend us to a friend? (0 = not at all, 10 = extremely likely)</legend>
                %s</fieldset>
                <p><label for="comment">Anything you would like to tell us? (optional)</label><br>
                <textarea id="comment" name="comment" rows="4" cols="50" maxlength="%d"></textarea></p>
                <p><button type="submit">Send my answer</button></p>
                </form>
                """.formatted(htmlEscape(survey.getToken()), scores, COMMENT_LIMIT);
    }
}
