package io.loadsmith.importer.openapi;

import io.loadsmith.model.Auth;
import io.loadsmith.model.Diagnostic;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps security schemes to the plan's {@link Auth} by their type and scheme, never by their name:
 * HTTP bearer and basic, API keys in a header, query or cookie, and OAuth 2.0 client credentials.
 * Flows that need a browser or a person (implicit, authorization code, password, OpenID Connect)
 * become a bearer token read from the environment, with a diagnostic saying so.
 */
final class SecurityMapper {
    /** The plan's auth, the variables it reads, and the scheme whose requirement turns it on. */
    record Mapping(Auth auth, List<Variable> variables, String schemeName) {
        static Mapping none() {
            return new Mapping(Auth.none(), List.of(), null);
        }
    }

    private SecurityMapper() {}

    static Mapping map(OpenAPI api, Refs refs, List<Operation> operations, String baseUrl, List<Diagnostic> diagnostics) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null) {
            api.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
                SecurityScheme resolved = refs.securityScheme(scheme);
                if (resolved != null) {
                    schemes.put(name, resolved);
                }
            });
        }
        if (schemes.isEmpty()) {
            return Mapping.none();
        }
        List<String> candidates = new ArrayList<>();
        if (api.getSecurity() != null) {
            api.getSecurity().forEach(requirement -> candidates.addAll(requirement.keySet()));
        }
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (Operation operation : operations) {
            List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
            if (requirements != null) {
                requirements.forEach(r -> r.keySet().forEach(name -> uses.merge(name, 1, Integer::sum)));
            }
        }
        uses.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> candidates.add(e.getKey()));
        for (String name : candidates) {
            SecurityScheme scheme = schemes.get(name);
            if (scheme == null || scheme.getType() == null) {
                continue;
            }
            Mapping mapping = mapScheme(name, scheme, scopesOf(api, operations, name), baseUrl, diagnostics);
            if (mapping != null) {
                return mapping;
            }
        }
        return Mapping.none();
    }

    private static List<String> scopesOf(OpenAPI api, List<Operation> operations, String name) {
        List<String> scopes = new ArrayList<>();
        List<List<SecurityRequirement>> all = new ArrayList<>();
        if (api.getSecurity() != null) {
            all.add(api.getSecurity());
        }
        operations.stream().map(Operation::getSecurity).filter(s -> s != null).forEach(all::add);
        for (List<SecurityRequirement> requirements : all) {
            for (SecurityRequirement requirement : requirements) {
                List<String> wanted = requirement.get(name);
                if (wanted != null) {
                    wanted.stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
                }
            }
        }
        return scopes;
    }

    private static Mapping mapScheme(String name, SecurityScheme scheme, List<String> scopes, String baseUrl,
                                     List<Diagnostic> diagnostics) {
        String subject = "security scheme " + name;
        switch (scheme.getType()) {
            case HTTP -> {
                String kind = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                if (kind.equals("bearer")) {
                    return bearer(name, "Bearer token for the " + name + " security scheme");
                }
                if (kind.equals("basic")) {
                    return new Mapping(new Auth.Basic(Text.ref("API_USERNAME"), Text.ref("API_PASSWORD")),
                            List.of(new Variable("API_USERNAME", "API_USERNAME", null, false, "User name for HTTP basic authentication (" + name + ")"),
                                    Variable.secret("API_PASSWORD", "Password for HTTP basic authentication (" + name + ")")),
                            name);
                }
                diagnostics.add(Diagnostic.warning(subject, "HTTP scheme '" + scheme.getScheme()
                        + "' is not supported; requests are sent without it"));
                return null;
            }
            case APIKEY -> {
                if (scheme.getName() == null || scheme.getIn() == null) {
                    diagnostics.add(Diagnostic.warning(subject, "an apiKey scheme needs 'name' and 'in'; it is ignored"));
                    return null;
                }
                Auth.ApiKey.Location in = switch (scheme.getIn()) {
                    case QUERY -> Auth.ApiKey.Location.QUERY;
                    case COOKIE -> Auth.ApiKey.Location.COOKIE;
                    default -> Auth.ApiKey.Location.HEADER;
                };
                return new Mapping(new Auth.ApiKey(scheme.getName(), in, Text.ref("API_KEY")),
                        List.of(Variable.secret("API_KEY", "API key sent as " + in.name().toLowerCase(Locale.ROOT)
                                + " '" + scheme.getName() + "' (" + name + ")")), name);
            }
            case OAUTH2 -> {
                OAuthFlow flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
                if (flow != null && flow.getTokenUrl() != null) {
                    return new Mapping(new Auth.OAuth2ClientCredentials(tokenUrl(flow.getTokenUrl(), baseUrl), Text.ref("OAUTH_CLIENT_ID"),
                            Text.ref("OAUTH_CLIENT_SECRET"), scopes),
                            List.of(new Variable("OAUTH_CLIENT_ID", "OAUTH_CLIENT_ID", null, false, "OAuth 2.0 client id (" + name + ")"),
                                    Variable.secret("OAUTH_CLIENT_SECRET", "OAuth 2.0 client secret (" + name + ")")), name);
                }
                diagnostics.add(Diagnostic.warning(subject, "OAuth 2.0 flows other than client credentials need a user; "
                        + "the scripts send a bearer token from API_TOKEN instead"));
                return bearer(name, "OAuth 2.0 access token for the " + name + " security scheme");
            }
            case OPENIDCONNECT -> {
                diagnostics.add(Diagnostic.warning(subject, "OpenID Connect needs a user to sign in; "
                        + "the scripts send a bearer token from API_TOKEN instead"));
                return bearer(name, "OpenID Connect access token for the " + name + " security scheme");
            }
            default -> {
                diagnostics.add(Diagnostic.warning(subject, "mutual TLS is configured in the load tool, not in the script; it is ignored"));
                return null;
            }
        }
    }

    /**
     * A token URL, relative to the base URL when it lies under it, else absolute: OpenAPI resolves a
     * relative URL against the server URL, so {@code /api/oauth/token} under server
     * {@code http://host/api} is {@code http://host/api/oauth/token}, or {@code /oauth/token} from the base.
     */
    static String tokenUrl(String tokenUrl, String baseUrl) {
        String resolved;
        try {
            resolved = java.net.URI.create(baseUrl + "/").resolve(tokenUrl).toString();
        } catch (IllegalArgumentException e) {
            return tokenUrl;
        }
        return resolved.startsWith(baseUrl + "/") ? resolved.substring(baseUrl.length()) : resolved;
    }

    private static Mapping bearer(String name, String description) {
        return new Mapping(new Auth.Bearer(Text.ref("API_TOKEN")), List.of(Variable.secret("API_TOKEN", description)), name);
    }

    /** Whether the plan's auth applies to {@code operation}. */
    static boolean applies(Mapping mapping, OpenAPI api, Operation operation) {
        if (mapping.schemeName() == null) {
            return false;
        }
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        return requirements != null && requirements.stream().anyMatch(r -> r.containsKey(mapping.schemeName()));
    }

    /** The schemes an operation requires that the plan does not send. */
    static List<String> unmet(Mapping mapping, OpenAPI api, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        if (requirements == null || requirements.isEmpty() || applies(mapping, api, operation)
                || requirements.stream().anyMatch(Map::isEmpty)) {
            return List.of();
        }
        return requirements.stream().flatMap(r -> r.keySet().stream()).distinct().toList();
    }
}
