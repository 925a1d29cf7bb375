package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class ApiKeysTest {

    @Test
    void keyMatchingAConfiguredHashAuthenticatesAsThatClientWithItsRoles() {
        ApiKeys keys = keys(
                Map.of("shop", new SecurityProperties.ApiClient(ApiKeyHash.of("s3cret"), Set.of(Role.INTEGRATION))));

        Authentication shop = keys.authenticate("s3cret").orElseThrow();

        assertThat(shop.getName()).isEqualTo("shop");
        assertThat(shop.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_INTEGRATION");
    }

    @Test
    void keyWhoseHashIsConfiguredIsNotItselfAKey() {
        String hash = ApiKeyHash.of("s3cret");
        ApiKeys keys = keys(Map.of("shop", new SecurityProperties.ApiClient(hash, Set.of(Role.INTEGRATION))));

        assertThat(keys.authenticate(hash)).isEmpty();
    }

    @Test
    void plainKeyConfiguredInPlaceOfItsHashStopsStartupNamingTheProperty() {
        Map<String, SecurityProperties.ApiClient> clients =
                Map.of("shop", new SecurityProperties.ApiClient("s3cret", Set.of(Role.INTEGRATION)));

        assertThatThrownBy(() -> keys(clients)).hasMessageContaining("nurture.security.api-clients.shop.key-sha256");
    }

    @Test
    void hashOfAnEmptyKeyStopsStartupNamingTheProperty() {
        Map<String, SecurityProperties.ApiClient> clients =
                Map.of("prometheus", new SecurityProperties.ApiClient(ApiKeyHash.of(""), Set.of(Role.METRICS)));

        assertThatThrownBy(() -> keys(clients))
                .hasMessageContaining("nurture.security.api-clients.prometheus.key-sha256")
                .hasMessageContaining("empty key");
    }

    @Test
    void clientWithoutRolesStopsStartup() {
        Map<String, SecurityProperties.ApiClient> clients =
                Map.of("shop", new SecurityProperties.ApiClient(ApiKeyHash.of("s3cret"), Set.of()));

        assertThatThrownBy(() -> keys(clients))
                .hasMessageContaining("nurture.security.api-clients.shop.roles")
                .hasMessageContaining("integration, staff, metrics");
    }

    @Test
    void hashIsSha256InLowerCaseHex() {
        assertThat(ApiKeyHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static ApiKeys keys(Map<String, SecurityProperties.ApiClient> clients) {
        return new ApiKeys(new SecurityProperties(clients));
    }
}
