package io.nurture.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A web slice: the app's controllers with their validation, problem details, JSON settings and
 * security rules, on MockMvc, without database, engine or mail. Every collaborator a controller
 * needs is a stand-in that knows nothing ({@link CollaboratorsKnowNothing}), so a request is either
 * refused by the web layer or meets an unknown id; a test that needs a call to succeed stubs it
 * with {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ActiveProfiles("test")
@Import({SecurityConfiguration.class, CollaboratorsKnowNothing.class})
public @interface WebSliceTest {

    /** The controllers to run; all of them when empty. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] controllers() default {};
}
