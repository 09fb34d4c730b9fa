# The bookshop flow as a Locust user would write it by hand: the same requests and the same status
# checks as the plan, with nothing extra. The baseline that bench/throughput.sh compares the
# generated locustfile with.
import os

from locust import FastHttpUser, constant, task

BOOK = {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "isbn": "978-0441478125",
        "price": 9.99, "genre": "fiction"}
ORDER = {"bookId": "76fafda1-6cfa-4498-ae23-36af25c48625", "quantity": 1,
         "customer": {"name": "Ms. Earlie Breitenberg", "email": "maryjo.streich@gmail.com"}}


class Shop(FastHttpUser):
    host = os.environ["BASE_URL"]
    wait_time = constant(0)

    def on_start(self):
        token = self.client.post("/oauth/token", data={
            "grant_type": "client_credentials", "client_id": os.environ["OAUTH_CLIENT_ID"],
            "client_secret": os.environ["OAUTH_CLIENT_SECRET"], "scope": "books:write orders:write"}).json()["access_token"]
        self.auth = {"Authorization": "Bearer " + token}

    def call(self, method, path, name, status, **kwargs):
        with self.client.request(method, path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != status:
                response.failure("status %d" % response.status_code)
            return response

    @task
    def flow(self):
        book_id = self.call("POST", "/books", "createBook", 201, json=BOOK, headers=self.auth).json()["id"]
        self.call("GET", "/books?genre=fiction&limit=20", "listBooks", 200, headers=self.auth)
        self.call("GET", "/books/" + book_id, "getBook", 200, headers=self.auth)
        self.call("PUT", "/books/" + book_id, "updateBook", 200, json=BOOK, headers=self.auth)
        self.call("DELETE", "/books/" + book_id, "deleteBook", 204, headers=self.auth)
        order_id = self.call("POST", "/orders", "createOrder", 201, json=ORDER, headers=self.auth).json()["id"]
        self.call("GET", "/orders/" + order_id, "getOrder", 200, headers=self.auth)
        self.call("GET", "/health", "health", 200)
