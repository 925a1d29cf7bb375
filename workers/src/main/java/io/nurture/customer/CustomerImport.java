package io.nurture.customer;

import io.nurture.persistence.RaceRetries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shop's customers from its earlier system, with the consent each gave or refused there, taken
 * all or nothing in one transaction. An import starts no journey and sends no mail: these people
 * did not just sign up.
 */
@Service
public class CustomerImport {

    private final CustomerService customers;
    private final RaceRetries transaction;

    CustomerImport(CustomerService customers, PlatformTransactionManager transactions) {
        this.customers = customers;
        this.transaction = new RaceRetries(transactions);
    }

    /**
     * What happened to each person, in the order given. A person registered meanwhile by an order
     * or another import (the same new address committed first) makes the loser roll back whole and
     * run again, now finding them known; so does a deadlock's victim.
     */
    public List<Imported> take(List<ImportedPerson> people, String staff) {
        return transaction.run(() -> takeAll(people, staff));
    }

    /**
     * In address order, so that two imports sharing people lock them in the same order. Two
     * addresses the database holds for one (they differ in case or accents only) are refused:
     * one person would silently get whichever answer came last.
     */
    private List<Imported> takeAll(List<ImportedPerson> people, String staff) {
        List<Imported> done = new ArrayList<>(people.size());
        people.forEach(person -> done.add(null));
        Map<String, Integer> seen = new HashMap<>();
        IntStream.range(0, people.size())
                .boxed()
                .sorted(Comparator.comparing(i -> people.get(i).email().toLowerCase(Locale.ROOT)))
                .forEach(i -> {
                    Imported imported = customers.takeImported(people.get(i), staff);
                    Integer earlier = seen.putIfAbsent(imported.customerId(), i);
                    if (earlier != null) {
                        throw new InvalidImportException(
                                "customers[" + Math.max(i, earlier) + "].email",
                                "is the same person as customers[" + Math.min(i, earlier) + "]");
                    }
                    done.set(i, imported);
                });
        return done;
    }
}
