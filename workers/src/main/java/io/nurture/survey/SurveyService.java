package io.nurture.survey;

import io.nurture.orchestration.ProcessMessages;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Satisfaction surveys: one per delivered order, answered once, through the page or the API. */
@Service
public class SurveyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyRepository surveys;
    private final ProcessMessages messages;
    private final Clock clock;

    SurveyService(SurveyRepository surveys, ProcessMessages messages, Clock clock) {
        this.surveys = surveys;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Survey open(String orderId, String customerId) {
        return surveys.findByOrderId(orderId)
                .orElseGet(() -> surveys.save(new Survey(newToken(), orderId, customerId, clock.instant())));
    }

    @Transactional
    public void expire(String orderId) {
        surveys.findByOrderId(orderId).ifPresent(Survey::expire);
    }

    @Transactional(readOnly = true)
    public Survey find(String token) {
        return surveys.findById(token)
                .orElseThrow(
                        () -> new SurveyAnswerException(SurveyAnswerException.Reason.UNKNOWN, "No survey " + token));
    }

    /** Takes the answer and hands the score to the journey waiting for it. */
    @Transactional
    public Survey answer(String token, int score, String comment) {
        Survey survey = surveys.findForUpdate(token)
                .orElseThrow(
                        () -> new SurveyAnswerException(SurveyAnswerException.Reason.UNKNOWN, "No survey " + token));
        switch (survey.getStatus()) {
            case ANSWERED ->
                throw new SurveyAnswerException(
                        SurveyAnswerException.Reason.ALREADY_ANSWERED, "This survey was already answered");
            case EXPIRED ->
                throw new SurveyAnswerException(SurveyAnswerException.Reason.EXPIRED, "This survey has expired");
            case SENT -> survey.answer(score, comment, clock.instant());
        }
        messages.surveyAnswered(survey.getOrderId(), token, score);
        return survey;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The customer's surveys, oldest first. */
    @Transactional(readOnly = true)
    public List<Survey> surveysOf(String customerId) {
        return surveys.findByCustomerIdOrderBySentAtAsc(customerId);
    }

    /** The score of the customer's latest answered survey. */
    @Transactional(readOnly = true)
    public Optional<Integer> lastScore(String customerId) {
        return surveys.findFirstByCustomerIdAndStatusOrderByAnsweredAtDesc(customerId, SurveyStatus.ANSWERED)
                .map(Survey::getScore);
    }
}
