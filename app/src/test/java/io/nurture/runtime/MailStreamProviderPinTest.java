package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderPinTest {

    private static final String PROPERTY = StreamProvider.class.getName();

    @AfterEach
    void forget() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void theClassPathsProviderIsNamedAndJakartaMailUsesIt() {
        System.clearProperty(PROPERTY);

        MailStreamProviderPin.pin();

        assertThat(System.getProperty(PROPERTY)).isNotBlank();
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(System.getProperty(PROPERTY));
    }

    @Test
    void aProviderNamedByTheOperatorIsKept() {
        System.setProperty(PROPERTY, "com.example.TheirStreamProvider");

        MailStreamProviderPin.pin();

        assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.TheirStreamProvider");
    }
}
