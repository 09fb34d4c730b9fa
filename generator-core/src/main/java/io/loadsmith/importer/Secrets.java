package io.loadsmith.importer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which names carry secrets (credentials, session cookies, API keys), so their values are read
 * from the environment at run time instead of being written into a script.
 */
public final class Secrets {
    private static final Set<String> EXACT = Set.of("auth", "key", "pwd", "pass", "sid", "jwt", "sig", "code",
            "access_token", "refresh_token", "id_token", "client_secret", "otp");
    private static final String[] PARTS = {"authorization", "authentication", "token", "secret", "password", "passwd",
            "apikey", "api-key", "api_key", "session", "cookie", "credential", "private-key", "private_key", "x-auth",
            "signature", "bearer", "csrf", "xsrf"};

    private static final Pattern SCHEME = Pattern.compile("^(Bearer|Basic|Token|Digest|ApiKey|JWT|OAuth)(\\s+)(\\S.*)$",
            Pattern.CASE_INSENSITIVE);

    private Secrets() {}

    /**
     * An Authorization-style value as its scheme with the space after it ({@code "Bearer "}) and the
     * credential, which is the secret; null when the value does not start with a known scheme.
     */
    public static String[] splitScheme(String value) {
        Matcher matcher = SCHEME.matcher(value.strip());
        return matcher.matches() ? new String[] {matcher.group(1) + matcher.group(2), matcher.group(3)} : null;
    }

    /** Whether a header, cookie, query or form field of this name carries a secret. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        if (EXACT.contains(lower)) {
            return true;
        }
        for (String part : PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** An environment variable name for a secret: {@code X-API-Key} becomes {@code X_API_KEY}. */
    public static String environmentName(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (upper.isEmpty()) {
            upper = "SECRET";
        }
        return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
    }
}
