# The bookshop flow as a Locust user would write it by hand, with nothing extra: the baseline
# that bench/throughput.sh compares the generated locustfile with.
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

    @task
    def flow(self):
        book_id = self.client.post("/books", json=BOOK, headers=self.auth, name="createBook").json()["id"]
        self.client.get("/books?genre=fiction&limit=20", headers=self.auth, name="listBooks")
        self.client.get("/books/" + book_id, headers=self.auth, name="getBook")
        self.client.put("/books/" + book_id, json=BOOK, headers=self.auth, name="updateBook")
        self.client.delete("/books/" + book_id, headers=self.auth, name="deleteBook")
        order_id = self.client.post("/orders", json=ORDER, headers=self.auth, name="createOrder").json()["id"]
        self.client.get("/orders/" + order_id, headers=self.auth, name="getOrder")
        self.client.get("/health", name="health")
