package io.nurture.payment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox provider's books in memory, for tests without a database. */
class InMemorySandboxBooks implements SandboxBooks {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(String idempotencyKey) {
        return Optional.ofNullable(entries.get(idempotencyKey));
    }

    @Override
    public Entry keepFirst(Entry entry) {
        return entries.computeIfAbsent(entry.idempotencyKey(), key -> entry);
    }
}
