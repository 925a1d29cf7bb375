package io.nurture.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The HTTP side of an Idempotency-Key: whose it is, and the request body it came with. */
public final class IdempotencyKeys {

    /** At most this long, visible ASCII without spaces, as the header's value must be to be compared exactly. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {}

    /** The stored form of a client's key, {@code "<client> <key>"}; null without a key; a key that cannot be compared exactly is refused. */
    public static String ofClient(String apiClient, String key) {
        if (key == null) {
            return null;
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new InvalidRequestException(
                    "Idempotency-Key", "must be 1 to " + MAX_LENGTH + " visible ASCII characters, without spaces");
        }
        return apiClient + " " + key;
    }

    /** SHA-256 of the request as JSON: a key sent again with another body is told apart. */
    public static String fingerprint(ObjectMapper json, Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the order request", e);
        }
    }
}
