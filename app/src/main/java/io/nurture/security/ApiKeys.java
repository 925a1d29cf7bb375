package io.nurture.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/** The configured API clients, looked up by the hash of the key a caller presents. */
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** An empty X-API-Key header would match it. */
    private static final String EMPTY_KEY_HASH = ApiKeyHash.of("");

    private static final String ROLE_NAMES = Arrays.stream(Role.values())
            .map(role -> role.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));

    private final Map<String, Authentication> clientsByKeyHash = new HashMap<>();

    ApiKeys(SecurityProperties properties) {
        properties.apiClients().forEach(this::register);
        if (clientsByKeyHash.isEmpty()) {
            log.warn("No API clients are configured (nurture.security.api-clients): every API call except "
                    + "survey pages and health will be refused");
        }
    }

    Optional<Authentication> authenticate(String presentedKey) {
        return Optional.ofNullable(clientsByKeyHash.get(ApiKeyHash.of(presentedKey)));
    }

    private void register(String name, SecurityProperties.ApiClient client) {
        String hash = client.keySha256() == null ? "" : client.keySha256().toLowerCase();
        if (!SHA_256_HEX.matcher(hash).matches()) {
            throw new IllegalStateException("nurture.security.api-clients." + name
                    + ".key-sha256 must be the 64 hex digits of the key's SHA-256 (sha256sum)");
        }
        if (hash.equals(EMPTY_KEY_HASH)) {
            throw new IllegalStateException("nurture.security.api-clients." + name
                    + ".key-sha256 is the SHA-256 of an empty key: was the key's variable empty when it was hashed?");
        }
        if (client.roles() == null || client.roles().isEmpty()) {
            throw new IllegalStateException(
                    "nurture.security.api-clients." + name + ".roles must name at least one of " + ROLE_NAMES);
        }
        List<SimpleGrantedAuthority> authorities = client.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        if (clientsByKeyHash.put(hash, new PreAuthenticatedAuthenticationToken(name, null, authorities)) != null) {
            throw new IllegalStateException(
                    "nurture.security.api-clients." + name + " shares its key with another client");
        }
    }
}
