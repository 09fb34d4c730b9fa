// The bookshop flow as a Gatling user would write it by hand: the same requests and the same status
// checks as the plan, with nothing extra. The baseline that bench/throughput.sh compares the
// generated simulation with. Run: gatling -Dusers=8 -Dduration=30 -s BenchSimulation .   (BASE_URL,
// OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET in the environment)
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.*;
import io.gatling.javaapi.http.*;
import java.time.Duration;

public class BenchSimulation extends Simulation {
    static final String BOOK = "{\"title\":\"The Left Hand of Darkness\",\"author\":\"Ursula K. Le Guin\","
            + "\"isbn\":\"978-0441478125\",\"price\":9.99,\"genre\":\"fiction\"}";
    static final String ORDER = "{\"bookId\":\"76fafda1-6cfa-4498-ae23-36af25c48625\",\"quantity\":1,"
            + "\"customer\":{\"name\":\"Ms. Earlie Breitenberg\",\"email\":\"maryjo.streich@gmail.com\"}}";
    static volatile String token;

    HttpProtocolBuilder protocol = http.baseUrl(System.getenv("BASE_URL"));

    ScenarioBuilder login = scenario("token")
            .exec(http("token").post("/oauth/token")
                    .formParam("grant_type", "client_credentials")
                    .formParam("client_id", System.getenv("OAUTH_CLIENT_ID"))
                    .formParam("client_secret", System.getenv("OAUTH_CLIENT_SECRET"))
                    .formParam("scope", "books:write orders:write")
                    .check(jsonPath("$.access_token").saveAs("token")))
            .exec(session -> {
                token = session.getString("token");
                return session;
            });

    ScenarioBuilder shop = scenario("bookshop")
            .exec(session -> session.set("auth", "Bearer " + token))
            .exec(http("createBook").post("/books").header("Authorization", "#{auth}").body(StringBody(BOOK)).asJson()
                    .check(status().is(201), jsonPath("$.id").saveAs("bookId")))
            .exec(http("listBooks").get("/books?genre=fiction&limit=20").header("Authorization", "#{auth}")
                    .check(status().is(200)))
            .exec(http("getBook").get("/books/#{bookId}").header("Authorization", "#{auth}").check(status().is(200)))
            .exec(http("updateBook").put("/books/#{bookId}").header("Authorization", "#{auth}").body(StringBody(BOOK)).asJson()
                    .check(status().is(200)))
            .exec(http("deleteBook").delete("/books/#{bookId}").header("Authorization", "#{auth}").check(status().is(204)))
            .exec(http("createOrder").post("/orders").header("Authorization", "#{auth}").body(StringBody(ORDER)).asJson()
                    .check(status().is(201), jsonPath("$.id").saveAs("orderId")))
            .exec(http("getOrder").get("/orders/#{orderId}").header("Authorization", "#{auth}").check(status().is(200)))
            .exec(http("health").get("/health").check(status().is(200)));

    {
        setUp(login.injectOpen(atOnceUsers(1)).andThen(shop.injectClosed(
                constantConcurrentUsers(Integer.getInteger("users", 8)).during(Duration.ofSeconds(Long.getLong("duration", 30))))))
                .protocols(protocol);
    }
}
