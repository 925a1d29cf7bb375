package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.PurchaseHistory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The win-back step of {@code customer-retention.bpmn}: the decision's segment and offer in, a
 * coupon and a marketing mail out (the contact policy, which the model asks first, allowed it).
 * Coupons, mail and purchase history are fakes that record what the step asked of them.
 */
class RetentionWorkerTest {

    private static final String CUSTOMER = "customer-1";
    private static final long JOB_KEY = 2251799813685301L;

    private final PurchaseHistory history = mock(PurchaseHistory.class);
    private final CouponService coupons = mock(CouponService.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final EngagementLog log = mock(EngagementLog.class);
    private final EngagementProperties properties =
            new EngagementProperties("http://localhost:8080", new BigDecimal("10.00"), Duration.ofDays(120));
    private final RetentionWorker worker = new RetentionWorker(
            mock(ReEngagement.class), history, new WinBack(history, coupons, notifications, log, properties));
    private final ActivatedJob job = mock(ActivatedJob.class);

    @Test
    void winBackOfferIsACouponOfTheDecidedValueInTheLastCurrencyMailedAsMarketing() {
        when(job.getKey()).thenReturn(JOB_KEY);
        when(history.lastCurrency(CUSTOMER)).thenReturn("CHF");
        Coupon coupon = mock(Coupon.class);
        when(coupon.getMailDetails()).thenReturn(Map.of("couponCode", "WB-7Q2X"));
        when(coupons.issue(eq(CUSTOMER), any(), anyString())).thenReturn(coupon);
        List<Map<String, Object>> mailed = writingTheMessage();

        worker.sendWinBackOffer(job, CUSTOMER, new RetentionWorker.SegmentOffer("VIP", new BigDecimal("25")), null);

        ArgumentCaptor<CouponOffer> offer = ArgumentCaptor.forClass(CouponOffer.class);
        verify(coupons).issue(eq(CUSTOMER), offer.capture(), eq("job-" + JOB_KEY));
        assertThat(offer.getValue())
                .isEqualTo(new CouponOffer(Coupon.WIN_BACK, new BigDecimal("25"), "CHF", Duration.ofDays(120)));
        verify(notifications)
                .messageCustomerOffering(
                        eq(CUSTOMER), isNull(), eq("win-back"), eq(Category.MARKETING), eq("job-" + JOB_KEY), any());
        assertThat(mailed).containsExactly(Map.of("couponCode", "WB-7Q2X", "segment", "VIP"));
        verify(log).recordSend(true, CUSTOMER, null, "WIN_BACK", "VIP", "job-" + JOB_KEY);
    }

    @Test
    void aWinBackVariantSendsItsOwnTemplateWithItsOwnCouponValue() {
        when(job.getKey()).thenReturn(JOB_KEY);
        when(history.lastCurrency(CUSTOMER)).thenReturn("EUR");
        Coupon coupon = mock(Coupon.class);
        when(coupon.getMailDetails()).thenReturn(Map.of("couponCode", "WB-9K1M"));
        when(coupons.issue(eq(CUSTOMER), any(), anyString())).thenReturn(coupon);
        writingTheMessage();
        MessageVariant bigger =
                new MessageVariant("Bigger coupon", new BigDecimal("0.5"), "win-back", new BigDecimal("40"));

        worker.sendWinBackOffer(job, CUSTOMER, new RetentionWorker.SegmentOffer("VIP", new BigDecimal("25")), bigger);

        ArgumentCaptor<CouponOffer> offer = ArgumentCaptor.forClass(CouponOffer.class);
        verify(coupons).issue(eq(CUSTOMER), offer.capture(), eq("job-" + JOB_KEY));
        assertThat(offer.getValue().value()).isEqualByComparingTo("40");
    }

    @Test
    void aWinBackMessageNotWrittenIssuesNoCoupon() {
        when(job.getKey()).thenReturn(JOB_KEY);
        when(notifications.messageCustomerOffering(any(), any(), any(), any(), any(), any()))
                .thenReturn(false);

        worker.sendWinBackOffer(job, CUSTOMER, new RetentionWorker.SegmentOffer("VIP", new BigDecimal("25")), null);

        verifyNoInteractions(coupons);
        verify(log).recordSend(false, CUSTOMER, null, "WIN_BACK", "VIP", "job-" + JOB_KEY);
    }

    /** The message is written: its offer is made and its details read, as the service does. */
    private List<Map<String, Object>> writingTheMessage() {
        List<Map<String, Object>> mailed = new ArrayList<>();
        when(notifications.messageCustomerOffering(any(), any(), any(), any(), any(), any()))
                .thenAnswer(call -> {
                    Supplier<Map<String, Object>> offer = call.getArgument(5);
                    mailed.add(offer.get());
                    return true;
                });
        return mailed;
    }
}
