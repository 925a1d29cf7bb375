package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.persistence.AssignedIdEntity;
import io.nurture.testing.NurtureIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every entity whose id the code assigns is inserted, never merged, when new: a row another
 * transaction committed with the same id makes the insert fail instead of being overwritten.
 */
@NurtureIntegrationTest
class AssignedIdEntitiesIntegrationTest {

    @Autowired
    EntityManagerFactory persistence;

    @Test
    void everyEntityWithAnAssignedIdIsInsertOnlyWhenNew() {
        List<Class<?>> assigned = persistence.getMetamodel().getEntities().stream()
                .filter(entity -> !generated(entity))
                .<Class<?>>map(EntityType::getJavaType)
                .toList();

        assertThat(assigned)
                .isNotEmpty()
                .allMatch(AssignedIdEntity.class::isAssignableFrom, "extends AssignedIdEntity");
    }

    private static boolean generated(EntityType<?> entity) {
        Field id = (Field) entity.getId(entity.getIdType().getJavaType()).getJavaMember();
        return id.isAnnotationPresent(GeneratedValue.class);
    }
}
