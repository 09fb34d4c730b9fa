package io.loadsmith.render;

import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Param;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of a plan with the plan's rules applied, in neutral terms, before any tool spells
 * it: what every renderer would otherwise work out on its own.
 *
 * <p>Headers are merged in this order, a later one replacing an earlier one of the same name (in
 * any case) and taking its place at the end: the plan's headers, then the auth's header (bearer
 * token, API key, basic credentials, OAuth 2.0 token), then the request's own. A multipart body
 * drops any Content-Type header: the tool writes one with its boundary. The query ends with an
 * API key sent as a query parameter; the cookies start with one sent as a cookie.
 *
 * @param headers    the merged headers; a tool adds the cookies and the default Content-Type
 *                   itself, or through {@link #headers(boolean, boolean)}
 * @param query      the request's query, then an API key's
 * @param cookies    an API key's cookie, then the request's cookies
 * @param basicAuth  the basic credentials when the request authenticates that way, for tools
 *                   with a mechanism of their own (the Authorization header holds them too)
 * @param comment    {@code METHOD /path} when the operation's name is not that already, else null
 */
public record ResolvedRequest(HttpRequest request, List<Header> headers, List<Param> query, List<Param> cookies,
                              BasicCredentials basicAuth, String comment) {
    public ResolvedRequest {
        headers = List.copyOf(headers);
        query = List.copyOf(query);
        cookies = List.copyOf(cookies);
    }

    /** Where a header came from. */
    public enum Source { PLAN, AUTH, REQUEST, COOKIES, BODY }

    public record Header(String name, HeaderValue value, Source source) {}

    /** A header's value: text, or something a tool writes its own way. */
    public sealed interface HeaderValue {
        /** Text, which may refer to variables. */
        record Plain(Text text) implements HeaderValue {}

        /** {@code Bearer <token>} with the OAuth 2.0 access token the script fetched. */
        record AccessToken() implements HeaderValue {}

        /** {@code Basic <base64 of username:password>}. */
        record Basic(BasicCredentials credentials) implements HeaderValue {}

        /** {@code name=value; name=value} of the request's cookies. */
        record Cookies(List<Param> cookies) implements HeaderValue {
            public Cookies {
                cookies = List.copyOf(cookies);
            }
        }
    }

    public record BasicCredentials(Text username, Text password) {}

    /** Applies the plan's headers and auth to one of its requests. */
    public static ResolvedRequest of(TestPlan plan, HttpRequest request) {
        List<Header> headers = new ArrayList<>();
        List<Param> query = new ArrayList<>(request.query());
        List<Param> cookies = new ArrayList<>();
        BasicCredentials basic = null;
        for (Param header : plan.headers()) {
            put(headers, new Header(header.name(), new HeaderValue.Plain(header.value()), Source.PLAN));
        }
        if (request.authenticated()) {
            Auth auth = plan.auth();
            if (auth instanceof Auth.Bearer bearer) {
                put(headers, new Header("Authorization", new HeaderValue.Plain(Text.concat(Text.of("Bearer "), bearer.token())),
                        Source.AUTH));
            } else if (auth instanceof Auth.Basic credentials) {
                basic = new BasicCredentials(credentials.username(), credentials.password());
                put(headers, new Header("Authorization", new HeaderValue.Basic(basic), Source.AUTH));
            } else if (auth instanceof Auth.ApiKey key) {
                switch (key.in()) {
                    case HEADER -> put(headers, new Header(key.name(), new HeaderValue.Plain(key.value()), Source.AUTH));
                    case QUERY -> query.add(new Param(key.name(), key.value()));
                    case COOKIE -> cookies.add(new Param(key.name(), key.value()));
                }
            } else if (auth instanceof Auth.OAuth2ClientCredentials) {
                put(headers, new Header("Authorization", new HeaderValue.AccessToken(), Source.AUTH));
            }
        }
        for (Param header : request.headers()) {
            put(headers, new Header(header.name(), new HeaderValue.Plain(header.value()), Source.REQUEST));
        }
        cookies.addAll(request.cookies());
        if (request.body() instanceof Body.MultipartBody) {
            headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
        }
        String comment = request.name().equals(request.method() + " " + request.path()) ? null
                : request.method() + " " + request.path();
        return new ResolvedRequest(request, headers, query, cookies, basic, comment);
    }

    /**
     * The headers to send, for tools that write cookies as a header and the body's Content-Type
     * themselves: the merged headers, then the cookies as one {@code Cookie} header (replacing
     * one of the request's), then the body's media type unless a header gave one.
     */
    public List<Header> headers(boolean cookiesAsHeader, boolean contentType) {
        List<Header> all = new ArrayList<>(headers);
        if (cookiesAsHeader && !cookies.isEmpty()) {
            put(all, new Header("Cookie", new HeaderValue.Cookies(cookies), Source.COOKIES));
        }
        String type = defaultContentType();
        if (contentType && type != null && all.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            all.add(new Header("Content-Type", new HeaderValue.Plain(Text.of(type)), Source.BODY));
        }
        return all;
    }

    /** The body's media type, which the request sends unless a header names another; null without a body and for multipart. */
    public String defaultContentType() {
        Body body = request.body();
        return body instanceof Body.None || body instanceof Body.MultipartBody ? null : body.contentType();
    }

    public Body body() {
        return request.body();
    }

    private static void put(List<Header> headers, Header header) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(header.name()));
        headers.add(header);
    }
}
