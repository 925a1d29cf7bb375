package io.nurture.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and kept in docs/openapi.yaml. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI nurtureApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Nurture API")
                        .version("1")
                        .description("Orders, payments, shipments, stock, customers, surveys, care cases and lifecycle "
                                + "metrics. Errors are RFC 7807 problem details (application/problem+json) listing the "
                                + "offending fields under 'errors'."))
                .servers(List.of(new Server().url("/").description("this Nurture instance")));
    }
}
