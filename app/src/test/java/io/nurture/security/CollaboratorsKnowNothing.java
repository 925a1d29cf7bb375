package io.nurture.security;

import io.nurture.api.NotFoundException;
import java.lang.reflect.Constructor;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mockito.Answers;
import org.mockito.Mockito;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/**
 * Gives each controller of a web slice the collaborators the slice leaves out (services, the
 * clock), as stand-ins that answer every call with "not found", as the app does for an id nobody
 * stored. A collaborator the test provides itself (a {@code @MockitoBean}) replaces its stand-in.
 */
class CollaboratorsKnowNothing implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ListableBeanFactory beans = (ListableBeanFactory) registry;
        for (Class<?> collaborator : collaboratorsOfControllers(registry)) {
            if (beans.getBeanNamesForType(collaborator, true, false).length == 0) {
                registry.registerBeanDefinition("knowsNothing" + collaborator.getName(), standIn(collaborator));
            }
        }
    }

    private static Set<Class<?>> collaboratorsOfControllers(BeanDefinitionRegistry registry) {
        Set<Class<?>> collaborators = new LinkedHashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            if (definition.getBeanClassName() == null || definition.getFactoryMethodName() != null) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(
                    definition.getBeanClassName(), CollaboratorsKnowNothing.class.getClassLoader());
            if (AnnotatedElementUtils.hasAnnotation(type, Controller.class)) {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    collaborators.addAll(Set.of(constructor.getParameterTypes()));
                }
            }
        }
        return collaborators;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BeanDefinition standIn(Class collaborator) {
        return BeanDefinitionBuilder.genericBeanDefinition(collaborator, () -> knowsNothing(collaborator))
                .getBeanDefinition();
    }

    static <T> T knowsNothing(Class<T> type) {
        return Mockito.mock(type, invocation -> {
            if (invocation.getMethod().getDeclaringClass() == Object.class) {
                return Answers.RETURNS_DEFAULTS.answer(invocation);
            }
            throw new NotFoundException("Nothing is stored behind a web slice: " + type.getSimpleName());
        });
    }
}
