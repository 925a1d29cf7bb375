package io.nurture.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which customers the retention schedule erases, given who was registered before the cutoff. */
class InactiveCustomersTest {

    private static final Instant CUTOFF = Instant.parse("2023-06-01T00:00:00Z");

    private final CustomerService customers = mock(CustomerService.class);
    private final OrderService orders = mock(OrderService.class);
    private final Erasures erasures = mock(Erasures.class);
    private final InactiveCustomers inactive = new InactiveCustomers(
            customers,
            orders,
            erasures,
            new PrivacyProperties(Period.ofYears(3)),
            Clock.fixed(CUTOFF.plus(java.time.Duration.ofDays(1096)), ZoneOffset.UTC));

    @Test
    void aCustomerWhoseLastOrderIsOlderThanTheCutoffIsErasedAndOneWhoOrderedSinceIsNot() {
        registeredBeforeCutoff("lapsed", "recent", "never-ordered");
        ordered("lapsed", "2022-01-10T00:00:00Z");
        ordered("recent", "2022-01-10T00:00:00Z", "2024-02-01T00:00:00Z");
        erasable("lapsed", "never-ordered");

        int erased = inactive.eraseInactiveBefore(CUTOFF);

        assertThat(erased).isEqualTo(2);
        verify(erasures).eraseInactiveSince("lapsed", CUTOFF);
        verify(erasures).eraseInactiveSince("never-ordered", CUTOFF);
        verify(erasures, never()).eraseInactiveSince(eq("recent"), any());
    }

    @Test
    void aProspectWhoConfirmedTheirSignUpSinceTheCutoffIsKeptAndOneWhoseConsentIsOlderOrWithdrawnIsNot() {
        registeredBeforeCutoff("subscribed-since", "subscribed-long-ago", "unsubscribed-since");
        withConsent("subscribed-since", "2024-02-01T00:00:00Z", false);
        withConsent("subscribed-long-ago", "2022-01-10T00:00:00Z", false);
        withConsent("unsubscribed-since", "2024-02-01T00:00:00Z", true);
        erasable("subscribed-long-ago", "unsubscribed-since");

        int erased = inactive.eraseInactiveBefore(CUTOFF);

        assertThat(erased).isEqualTo(2);
        verify(erasures, never()).eraseInactiveSince(eq("subscribed-since"), any());
    }

    @Test
    void aSubscriberWhoConfirmedTheirConsentAgainSinceTheCutoffIsKept() {
        registeredBeforeCutoff("renewed", "not-renewed");
        withConsent("renewed", "2021-01-10T00:00:00Z", false);
        withConsent("not-renewed", "2021-01-10T00:00:00Z", false);
        customers.find("renewed").orElseThrow().confirmMarketingConsent(Instant.parse("2024-02-01T00:00:00Z"));
        erasable("not-renewed");

        int erased = inactive.eraseInactiveBefore(CUTOFF);

        assertThat(erased).isEqualTo(1);
        verify(erasures, never()).eraseInactiveSince(eq("renewed"), any());
    }

    @Test
    void aCustomerWithBusinessUnderWayWaitsForTheNextRun() {
        registeredBeforeCutoff("returning");
        ordered("returning", "2022-01-10T00:00:00Z");
        when(erasures.eraseInactiveSince("returning", CUTOFF))
                .thenThrow(new ErasureRefusedException("Return r-1 is still RECEIVED"));

        assertThat(inactive.eraseInactiveBefore(CUTOFF)).isZero();
    }

    @Test
    void aCustomerWhoseRowIsLockedWaitsForTheNextRunAndTheOthersAreStillErased() {
        registeredBeforeCutoff("locked", "lapsed");
        when(erasures.eraseInactiveSince("locked", CUTOFF))
                .thenThrow(new org.springframework.dao.CannotAcquireLockException("Lock wait timeout exceeded"));
        erasable("lapsed");

        assertThat(inactive.eraseInactiveBefore(CUTOFF)).isEqualTo(1);
        verify(erasures).eraseInactiveSince("lapsed", CUTOFF);
    }

    private void registeredBeforeCutoff(String... ids) {
        when(customers.notErasedRegisteredBefore(eq(CUTOFF), eq(""), anyInt())).thenReturn(List.of(ids));
        when(orders.of(org.mockito.ArgumentMatchers.anyString())).thenReturn(List.of());
        for (String id : ids) {
            when(customers.find(id))
                    .thenReturn(
                            Optional.of(new Customer(id + "@example.com", "", Instant.parse("2020-01-01T00:00:00Z"))));
        }
    }

    private void withConsent(String customerId, String givenAt, boolean unsubscribedSince) {
        Customer customer = new Customer(customerId + "@example.com", "", Instant.parse("2020-01-01T00:00:00Z"));
        customer.setMarketingConsent(true, Instant.parse(givenAt));
        if (unsubscribedSince) {
            customer.unsubscribe(Instant.parse("2024-03-01T00:00:00Z"));
        }
        when(customers.find(customerId)).thenReturn(Optional.of(customer));
    }

    private void ordered(String customerId, String... placedAt) {
        List<Order> placed = java.util.Arrays.stream(placedAt)
                .map(at -> {
                    Order order = mock(Order.class);
                    when(order.getCreatedAt()).thenReturn(Instant.parse(at));
                    return order;
                })
                .toList();
        when(orders.of(customerId)).thenReturn(placed);
    }

    private void erasable(String... ids) {
        for (String id : ids) {
            when(erasures.eraseInactiveSince(id, CUTOFF))
                    .thenReturn(Optional.of(new Erasure(id, CUTOFF, InactiveCustomers.RETENTION, java.util.Map.of())));
        }
    }
}
