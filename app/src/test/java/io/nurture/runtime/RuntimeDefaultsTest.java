package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.local.LocalDefaults;
import io.nurture.security.ApiKeyHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.env.MockEnvironment;

class RuntimeDefaultsTest {

    private static final String DEV_SHOP_HASH = "nurture.security.api-clients.dev-shop.key-sha256";

    @Test
    void localModeAcceptsTheDocumentedDevKeys() {
        MockEnvironment environment = defaultsFor("local");

        assertThat(environment.getProperty(DEV_SHOP_HASH))
                .isEqualTo(ApiKeyHash.of(RuntimeDefaults.DEV_INTEGRATION_KEY));
        assertThat(environment.getProperty("nurture.security.api-clients.dev-staff.roles"))
                .isEqualTo("staff");
    }

    @Test
    void clusterModeHasNoDevKeys() {
        MockEnvironment environment = defaultsFor("cluster");

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isFalse();
    }

    @Test
    void clusterModeInAnyCaseHasNoDevKeysAndNoLocalGateway() {
        MockEnvironment environment = defaultsFor("CLUSTER");

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isFalse();
        assertThat(environment.containsProperty("camunda.client.grpc-address")).isFalse();
        assertThat(environment.containsProperty("nurture.engine.gateway-port")).isFalse();
        assertThat(environment.getProperty("nurture.engine.mode")).isEqualTo("cluster");
    }

    @Test
    void modeIsWrittenBackInLowerCaseForEveryCondition() {
        MockEnvironment environment = defaultsFor(" Embedded ");

        assertThat(environment.getProperty("nurture.engine.mode")).isEqualTo("embedded");
        assertThat(environment.getProperty(DEV_SHOP_HASH))
                .isEqualTo(ApiKeyHash.of(RuntimeDefaults.DEV_INTEGRATION_KEY));
        assertThat(environment.getProperty("camunda.client.grpc-address")).startsWith("http://127.0.0.1:");
    }

    @Test
    void missingModeMeansLocal() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "mail.example");

        applyDefaults(environment);

        assertThat(environment.getProperty("nurture.engine.mode")).isEqualTo("local");
    }

    @Test
    void unknownModeStopsStartupNamingThePropertyAndTheModes() {
        assertThatThrownBy(() -> defaultsFor("clustr"))
                .hasMessageContaining("nurture.engine.mode")
                .hasMessageContaining("local, cluster, embedded")
                .hasMessageContaining("clustr");
    }

    @Test
    void withoutAnSmtpHostLocalModesMailGoesToTheInProcessServerOnLoopback() {
        MockEnvironment environment = new MockEnvironment().withProperty("nurture.engine.mode", "local");

        applyDefaults(environment);

        assertThat(environment.getProperty("nurture.mail.embedded-smtp.enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void clusterModeServesItsApiDescriptionOnlyWhenTold() {
        MockEnvironment told = new MockEnvironment()
                .withProperty("nurture.engine.mode", "cluster")
                .withProperty("spring.mail.host", "mail.example")
                .withProperty("spring.datasource.url", "jdbc:mysql://db.example/nurture")
                .withProperty("springdoc.api-docs.enabled", "true");

        applyDefaults(told);

        assertThat(defaultsFor("cluster").getProperty("springdoc.api-docs.enabled"))
                .isEqualTo("false");
        assertThat(defaultsFor("cluster").getProperty("springdoc.swagger-ui.enabled"))
                .isEqualTo("false");
        assertThat(defaultsFor("local").containsProperty("springdoc.api-docs.enabled"))
                .isFalse();
        assertThat(told.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
    }

    @Test
    void localModeAnswersThisMachineOnlyUnlessToldOtherwise() {
        MockEnvironment local = new MockEnvironment().withProperty("nurture.engine.mode", "local");
        MockEnvironment opened = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("server.address", "0.0.0.0")
                .withProperty("nurture.security.dev-keys", "false");

        applyDefaults(local);
        applyDefaults(opened);

        assertThat(local.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(opened.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(defaultsFor("cluster").containsProperty("server.address")).isFalse();
    }

    @Test
    void localModeWithTheDevKeysRefusesToListenBeyondThisMachine() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("server.address", "0.0.0.0");

        assertThatThrownBy(() -> applyDefaults(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.address=0.0.0.0")
                .hasMessageContaining("nurture.security.dev-keys=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "localhost"})
    void localModeWithTheDevKeysMayNameALoopbackAddress(String loopback) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("server.address", loopback);

        applyDefaults(environment);

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isTrue();
        assertThat(environment.getProperty("server.address")).isEqualTo(loopback);
    }

    /** Spring Boot reads a blank address as every interface. */
    @Test
    void aBlankAddressInLocalModeMeansLoopback() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("server.address", " ");

        applyDefaults(environment);

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isTrue();
    }

    @Test
    void devKeysCanBeSwitchedOffInLocalMode() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", "local")
                .withProperty("nurture.security.dev-keys", "false");

        applyDefaults(environment);

        assertThat(environment.containsProperty(DEV_SHOP_HASH)).isFalse();
    }

    private static MockEnvironment defaultsFor(String mode) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.engine.mode", mode)
                .withProperty("spring.mail.host", "mail.example")
                .withProperty("spring.datasource.url", "jdbc:mysql://db.example/nurture");
        applyDefaults(environment);
        return environment;
    }

    /**
     * The Camunda client's own post-processor is unordered (last) and picks its mode's defaults by
     * {@code camunda.client.mode}: Nurture's defaults must have set it by then.
     */
    @Test
    void nurturesDefaultsComeBeforeUnorderedPostProcessorsSuchAsTheCamundaClients() {
        EnvironmentPostProcessor unordered = (environment, application) -> {};
        List<EnvironmentPostProcessor> processors =
                new ArrayList<>(List.of(unordered, new LocalDefaults(), new RuntimeDefaults()));

        AnnotationAwareOrderComparator.sort(processors);

        assertThat(processors.get(0)).isInstanceOf(RuntimeDefaults.class);
        assertThat(processors.get(1)).isInstanceOf(LocalDefaults.class);
        assertThat(processors.get(2)).isSameAs(unordered);
    }

    /** As Spring Boot applies them in the local jar: the app's first, then the local runtime's. */
    private static void applyDefaults(MockEnvironment environment) {
        List<EnvironmentPostProcessor> defaults = new ArrayList<>(List.of(new LocalDefaults(), new RuntimeDefaults()));
        AnnotationAwareOrderComparator.sort(defaults);
        defaults.forEach(processor -> processor.postProcessEnvironment(environment, new SpringApplication()));
    }
}
