package io.nurture.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the code assigns (a UUID, a token, a code, a client's key). Spring Data would
 * {@code merge} such an entity on {@code save}: it looks the id up and, when a parallel transaction
 * committed a row with that id a moment earlier, silently overwrites it. This base makes every new
 * instance an insert, so a duplicate id can only fail with a unique-key violation; instances read
 * from or written to the database are updated as usual.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
