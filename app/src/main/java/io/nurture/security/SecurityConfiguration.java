package io.nurture.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.suppression.SuppressionProperties;
import io.nurture.suppression.Suppressions;
import io.nurture.suppression.web.MailEventPaths;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call which endpoint. Every request carries its caller's API key; there are no sessions
 * or cookies, which is also why CSRF protection has nothing to protect. An endpoint without a
 * rule here is refused, so a new endpoint is closed until someone decides who may call it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, SuppressionProperties.class})
class SecurityConfiguration {

    private static final String INTEGRATION = Role.INTEGRATION.name();
    private static final String STAFF = Role.STAFF.name();
    private static final String METRICS = Role.METRICS.name();
    private static final String MAIL_PROVIDER = Role.MAIL_PROVIDER.name();

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            SuppressionProperties mailEvents,
            ObjectProvider<Suppressions> suppressions,
            ObjectMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyFilter(new ApiKeys(properties), problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new MailProviderSignatures(
                                mailEvents,
                                json,
                                problems,
                                // Fails closed: without the record of tokens seen, no Mailgun event is taken.
                                token -> Optional.ofNullable(suppressions.getIfAvailable())
                                        .map(seen -> seen.firstUse("mailgun", token))
                                        .orElse(false)),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(SecurityConfiguration::endpointRoles)
                .build();
    }

    /**
     * No observation of each security filter, authentication and authorisation: about 1 % of the app's CPU
     * per order (docs/performance.md, issue 27's seventh part), and {@code http_server_requests} already
     * times every call, refusals included.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static void endpointRoles(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints
                .requestMatchers(
                        GET, "/surveys/*", "/unsubscribe/*", "/preferences/*", "/returns/start/*", "/consent/*")
                .permitAll()
                // The staff dashboard's page and script hold no data: they ask the staff API with the key signed in.
                .requestMatchers(GET, "/staff/*")
                .permitAll()
                .requestMatchers(
                        POST,
                        "/surveys/*",
                        "/api/surveys/*/responses",
                        "/unsubscribe/*",
                        "/preferences/*",
                        "/returns/start/*",
                        "/consent/*")
                .permitAll()
                .requestMatchers(GET, "/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers(
                        GET,
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/v3/api-docs.yaml",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers(
                        POST, "/api/orders", "/api/orders/*/payments", "/api/shipments/*/events", "/api/events")
                .hasRole(INTEGRATION)
                .requestMatchers(POST, MailEventPaths.NURTURE, MailEventPaths.MAILGUN)
                .hasRole(MAIL_PROVIDER)
                .requestMatchers(GET, "/api/orders/*", "/api/products", "/api/returns/*")
                .hasAnyRole(INTEGRATION, STAFF)
                .requestMatchers(POST, "/api/orders/*/cancellation", "/api/orders/*/returns")
                .hasAnyRole(INTEGRATION, STAFF)
                .requestMatchers(GET, "/api/orders")
                .hasRole(STAFF)
                .requestMatchers(
                        POST,
                        "/api/orders/*/review",
                        "/api/orders/*/refunds",
                        "/api/orders/*/messages/*/resend",
                        "/api/returns/*/review",
                        "/api/returns/*/inspection")
                .hasRole(STAFF)
                .requestMatchers(GET, "/actuator/prometheus")
                .hasAnyRole(STAFF, METRICS)
                .requestMatchers(
                        "/api/inbox/**",
                        "/api/care-cases/**",
                        "/api/refunds/**",
                        "/api/reconciliation",
                        "/api/inventory/**",
                        "/api/customers/**",
                        "/api/suppressions",
                        "/api/suppressions/**",
                        "/api/metrics/**",
                        "/api/journeys/**",
                        "/api/dev/**",
                        "/actuator/**")
                .hasRole(STAFF)
                .anyRequest()
                .denyAll();
    }
}
