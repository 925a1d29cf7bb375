package io.nurture.survey.web;

import io.nurture.survey.Survey;
import io.nurture.survey.SurveyService;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Survey answers from other systems. The customer-facing page is {@link SurveyPage}. */
@RestController
@SecurityRequirements
class SurveyController {

    private final SurveyService surveys;

    SurveyController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @PostMapping(path = "/api/surveys/{token}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Answered> answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
        Survey survey = surveys.answer(token, answer.score(), answer.comment());
        return ResponseEntity.accepted().body(new Answered(token, survey.getOrderId(), answer.score()));
    }

    record SurveyAnswer(
            @Schema(example = "9") @NotNull @Min(0) @Max(10) Integer score,

            @Schema(example = "Lovely tea, fast delivery") @Size(max = SurveyPage.COMMENT_LIMIT)
            String comment) {}

    record Answered(String token, String orderId, int score) {}
}
