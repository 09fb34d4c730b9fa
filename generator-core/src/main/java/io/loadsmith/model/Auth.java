package io.loadsmith.model;

import java.util.List;

/**
 * How requests authenticate. Credentials are {@link Text}s that refer to {@link Variable}s read
 * from the environment at run time, so a script never holds a secret.
 */
public sealed interface Auth {

    record None() implements Auth {}

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(Text token) implements Auth {
        public Bearer {
            Checks.requireNonNull(token, "token");
        }
    }

    /** HTTP basic authentication. */
    record Basic(Text username, Text password) implements Auth {
        public Basic {
            Checks.requireNonNull(username, "username");
            Checks.requireNonNull(password, "password");
        }
    }

    /** An API key sent as a header, query parameter or cookie named {@code name}. */
    record ApiKey(String name, Location in, Text value) implements Auth {
        public enum Location { HEADER, QUERY, COOKIE }

        public ApiKey {
            Checks.requireNonBlank(name, "API key name");
            Checks.requireNonNull(in, "API key location");
            Checks.requireNonNull(value, "API key value");
        }
    }

    /**
     * OAuth 2.0 client credentials: one token is fetched from {@code tokenUrl} when the test starts
     * and sent as a bearer token by every virtual user. A relative {@code tokenUrl} is resolved
     * against the plan's base URL.
     */
    record OAuth2ClientCredentials(String tokenUrl, Text clientId, Text clientSecret, List<String> scopes)
            implements Auth {
        public OAuth2ClientCredentials {
            Checks.requireNonBlank(tokenUrl, "token URL");
            Checks.requireNonNull(clientId, "client id");
            Checks.requireNonNull(clientSecret, "client secret");
            scopes = List.copyOf(Checks.requireNonNull(scopes, "scopes"));
        }
    }

    static Auth none() {
        return new None();
    }
}
