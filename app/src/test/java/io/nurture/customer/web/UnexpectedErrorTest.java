package io.nurture.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;

import io.nurture.customer.CustomerImport;
import io.nurture.customer.CustomerService;
import io.nurture.security.SliceClient;
import io.nurture.security.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request that fails in a way no handler expects is answered as a problem too, like every
 * other error of the API, and without the failure's internals (SQL, keys, addresses).
 */
@WebSliceTest(controllers = CustomerDirectoryController.class)
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorTest {

    private static final String INTERNALS =
            "Duplicate entry 'ada@example.com' for key 'uk_customers_email' [insert into customers ...]";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerService customers;

    @MockitoBean
    CustomerImport imports;

    @Test
    void aFailureNoHandlerExpectsIsAnswered500AsAProblemWithoutItsInternals(CapturedOutput log) {
        when(imports.take(anyList(), any())).thenThrow(new DataIntegrityViolationException(INTERNALS));

        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY)
                .post(
                        "/api/customers/imports",
                        Map.of(
                                "customers",
                                List.of(Map.of(
                                        "email", "ada@example.com",
                                        "marketingConsent", true,
                                        "consentedAt", "2025-03-01T09:30:00Z",
                                        "wording", "Yes, send me offers by e-mail"))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().path("type").asText()).endsWith("/internal-error");
        assertThat(answer.body().toString()).doesNotContain("ada@example.com", "uk_customers_email", "insert");
        assertThat(log.getOut())
                .as("the failure is logged, without the address its message quotes")
                .contains("uk_customers_email", "'<address>'")
                .doesNotContain("ada@example.com");
    }
}
