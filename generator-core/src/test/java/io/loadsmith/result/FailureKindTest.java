package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Why a request failed: by status at the class boundaries, and by the error texts the tools write. */
class FailureKindTest {
    @ParameterizedTest
    @CsvSource({"599,HTTP_5XX", "500,HTTP_5XX", "499,HTTP_4XX", "400,HTTP_4XX", "399,CHECK", "200,CHECK", "100,CHECK",
            "99,OTHER", "0,OTHER", "-1,OTHER"})
    void aStatusNamesItsClass(int status, FailureKind kind) {
        assertEquals(kind, FailureKind.ofStatus(status));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "request timeout|TIMEOUT", "Read timed out|TIMEOUT", "ETIMEDOUT|TIMEOUT", "ESOCKETTIMEDOUT|TIMEOUT",
            "java.net.ConnectException: Connection refused|CONNECTION", "ECONNRESET|CONNECTION",
            "java.net.UnknownHostException: nowhere|CONNECTION", "getaddrinfo ENOTFOUND nowhere|CONNECTION",
            "EAI_AGAIN|CONNECTION", "org.apache.http.NoHttpResponseException|CONNECTION", "Broken pipe|CONNECTION",
            "javax.net.ssl.SSLHandshakeException|CONNECTION", "EPIPE|CONNECTION", "Connection closed by peer|CONNECTION",
            "connection reset|CONNECTION", "ValueError: bad|OTHER", "|OTHER"})
    void anErrorTextNamesItsKind(String error, FailureKind kind) {
        assertEquals(kind, FailureKind.ofError(error));
    }

    @Test
    void aTimeoutOnConnectingIsATimeout() {
        assertEquals(FailureKind.TIMEOUT, FailureKind.ofError("connect timed out"));
    }

    @Test
    void idsAreWhatResultJsonSays() {
        assertEquals("4xx", FailureKind.HTTP_4XX.id());
        assertEquals("5xx", FailureKind.HTTP_5XX.id());
        assertEquals("timeout", FailureKind.TIMEOUT.id());
        assertEquals("connection", FailureKind.CONNECTION.id());
        assertEquals("check", FailureKind.CHECK.id());
        assertEquals("graphql", FailureKind.GRAPHQL.id());
        assertEquals("other", FailureKind.OTHER.id());
    }
}
