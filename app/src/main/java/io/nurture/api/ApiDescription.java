package io.nurture.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and kept in docs/openapi.yaml. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI nurtureApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Nurture API")
                                .version("1")
                                .description(
                                        "Orders, payments, shipments, stock, customers, surveys, care cases and lifecycle "
                                                + "metrics. Errors are RFC 7807 problem details (application/problem+json) listing the "
                                                + "offending fields under 'errors'. Every call except the survey pages, survey answers "
                                                + "and health carries an API key in the X-API-Key header; the key's roles decide what it "
                                                + "may call: integration (orders, payments, carrier events, products), staff (reviews, "
                                                + "care cases, inventory, customers, metrics, clock), metrics (the Prometheus scrape only)."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("The key issued to an integrating system or staff tool")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .servers(List.of(new Server().url("/").description("this Nurture instance")));
    }
}
