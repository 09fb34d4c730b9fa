package io.loadsmith.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loadsmith.model.Auth;
import io.loadsmith.model.Body;
import io.loadsmith.model.HttpMethod;
import io.loadsmith.model.HttpRequest;
import io.loadsmith.model.Json;
import io.loadsmith.model.Param;
import io.loadsmith.model.Scenario;
import io.loadsmith.model.TestPlan;
import io.loadsmith.model.Text;
import io.loadsmith.model.Variable;
import io.loadsmith.render.ResolvedRequest.Header;
import io.loadsmith.render.ResolvedRequest.HeaderValue;
import io.loadsmith.render.ResolvedRequest.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's rules for a request's headers, query, cookies and auth, applied once for every tool. */
class ResolvedRequestTest {
    private static TestPlan plan(Auth auth, List<Param> headers, HttpRequest request) {
        TestPlan.Builder builder = TestPlan.builder("p", "http://127.0.0.1:8080").auth(auth).headers(headers)
                .scenario(new Scenario("s", 1, List.of(request)));
        if (!(auth instanceof Auth.None)) {
            builder.variable(Variable.secret("SECRET", "a secret"));
        }
        return builder.build();
    }

    private static List<String> names(List<Header> headers) {
        return headers.stream().map(Header::name).toList();
    }

    @Test
    void aLaterHeaderReplacesAnEarlierOneOfTheSameNameInAnyCaseAndMovesToTheEnd() {
        HttpRequest request = HttpRequest.builder(HttpMethod.POST, "/a").name("a").header("accept", Text.of("text/plain"))
                .header("X-Trace", Text.of("1")).body(Body.JsonBody.of(Json.string("x"))).build();
        TestPlan plan = plan(new Auth.Bearer(Text.ref("SECRET")), List.of(Param.of("Accept", "application/json"),
                Param.of("authorization", "plan"), Param.of("X-Plan", "p")), request);
        ResolvedRequest resolved = ResolvedRequest.of(plan, request);
        assertEquals(List.of("X-Plan", "Authorization", "accept", "X-Trace"), names(resolved.headers()));
        assertEquals(List.of(Source.PLAN, Source.AUTH, Source.REQUEST, Source.REQUEST),
                resolved.headers().stream().map(Header::source).toList());
        assertEquals(new HeaderValue.Plain(Text.concat(Text.of("Bearer "), Text.ref("SECRET"))), resolved.headers().get(1).value());
        // The body's media type comes last, unless a header named one.
        assertEquals(List.of("X-Plan", "Authorization", "accept", "X-Trace", "Content-Type"), names(resolved.headers(true, true)));
        assertEquals("application/json", ((HeaderValue.Plain) resolved.headers(true, true).get(4).value()).text().literalValue());
        assertEquals(resolved.headers(), resolved.headers(true, false));
    }

    @Test
    void anApiKeyGoesWhereTheSchemeSaysAndCookiesBecomeOneHeaderOnRequest() {
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/a").name("a").query("page", Text.of("2"))
                .cookie("theme", Text.of("dark")).header("Cookie", Text.of("overridden")).build();
        ResolvedRequest inQuery = ResolvedRequest.of(plan(new Auth.ApiKey("key", Auth.ApiKey.Location.QUERY, Text.ref("SECRET")),
                List.of(), request), request);
        assertEquals(List.of(new Param("page", Text.of("2")), new Param("key", Text.ref("SECRET"))), inQuery.query());
        ResolvedRequest inCookie = ResolvedRequest.of(plan(new Auth.ApiKey("sid", Auth.ApiKey.Location.COOKIE, Text.ref("SECRET")),
                List.of(), request), request);
        assertEquals(List.of(new Param("sid", Text.ref("SECRET")), new Param("theme", Text.of("dark"))), inCookie.cookies());
        List<Header> headers = inCookie.headers(true, true);
        assertEquals(List.of("Cookie"), names(headers), "the cookies replace the request's own Cookie header; a GET has no media type");
        assertEquals(new HeaderValue.Cookies(inCookie.cookies()), headers.get(0).value());
        ResolvedRequest inHeader = ResolvedRequest.of(plan(new Auth.ApiKey("X-Key", Auth.ApiKey.Location.HEADER, Text.ref("SECRET")),
                List.of(), request), request);
        assertEquals(List.of("X-Key", "Cookie"), names(inHeader.headers()));
    }

    @Test
    void basicAndOAuthCredentialsAreHeadersAToolMaySpellItsOwnWay() {
        HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/a").name("a").build();
        ResolvedRequest basic = ResolvedRequest.of(plan(new Auth.Basic(Text.of("u"), Text.ref("SECRET")), List.of(), request), request);
        assertEquals(new ResolvedRequest.BasicCredentials(Text.of("u"), Text.ref("SECRET")), basic.basicAuth());
        assertEquals(new HeaderValue.Basic(basic.basicAuth()), basic.headers().get(0).value());
        TestPlan oauth = plan(new Auth.OAuth2ClientCredentials("/token", Text.of("id"), Text.ref("SECRET"), List.of()), List.of(), request);
        assertEquals(List.of(new Header("Authorization", new HeaderValue.AccessToken(), Source.AUTH)),
                ResolvedRequest.of(oauth, request).headers());
        HttpRequest anonymous = request.toBuilder().authenticated(false).build();
        assertEquals(List.of(), ResolvedRequest.of(oauth, anonymous).headers(), "a request the auth does not apply to");
    }

    @Test
    void aMultipartBodyLeavesTheContentTypeToTheTool() {
        HttpRequest request = HttpRequest.builder(HttpMethod.POST, "/upload").name("upload")
                .header("Content-Type", Text.of("multipart/form-data; boundary=recorded"))
                .body(new Body.MultipartBody(List.of(new Body.MultipartField("a", Text.of("1"))))).build();
        ResolvedRequest resolved = ResolvedRequest.of(plan(new Auth.None(), List.of(Param.of("content-type", "text/plain")),
                request), request);
        assertEquals(List.of(), resolved.headers(true, true));
        assertNull(resolved.defaultContentType());
    }

    @Test
    void theCommentNamesMethodAndPathWhenTheNameIsAnother() {
        HttpRequest named = HttpRequest.builder(HttpMethod.DELETE, "/books/{id}").name("deleteBook")
                .pathParam("id", Text.of("1")).build();
        assertEquals("DELETE /books/{id}", ResolvedRequest.of(plan(new Auth.None(), List.of(), named), named).comment());
        HttpRequest plain = named.toBuilder().name("DELETE /books/{id}").build();
        assertNull(ResolvedRequest.of(plan(new Auth.None(), List.of(), plain), plain).comment());
    }
}
