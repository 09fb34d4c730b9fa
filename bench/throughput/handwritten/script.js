// The bookshop flow as a k6 user would write it by hand: the same requests and the same status
// checks as the plan, with nothing extra. The baseline that bench/throughput.sh compares the
// generated script with. Run: k6 run -e BASE_URL=... -e USERS=8 -e DURATION=30 script.js
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE_URL;
const BOOK = JSON.stringify({
  title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin', isbn: '978-0441478125', price: 9.99, genre: 'fiction',
});
const ORDER = JSON.stringify({
  bookId: '76fafda1-6cfa-4498-ae23-36af25c48625', quantity: 1,
  customer: { name: 'Ms. Earlie Breitenberg', email: 'maryjo.streich@gmail.com' },
});

export const options = {
  vus: Number(__ENV.USERS || 8),
  duration: `${__ENV.DURATION || 30}s`,
};

export function setup() {
  const res = http.post(`${BASE}/oauth/token`, {
    grant_type: 'client_credentials', client_id: __ENV.OAUTH_CLIENT_ID, client_secret: __ENV.OAUTH_CLIENT_SECRET,
    scope: 'books:write orders:write',
  });
  return { auth: { Authorization: `Bearer ${res.json('access_token')}` } };
}

function call(method, path, name, status, body, headers) {
  const res = http.request(method, `${BASE}${path}`, body, { headers, tags: { name } });
  check(res, { [`${name}: status is ${status}`]: (r) => r.status === status });
  return res;
}

export default function (data) {
  const json = Object.assign({ 'Content-Type': 'application/json' }, data.auth);
  const bookId = call('POST', '/books', 'createBook', 201, BOOK, json).json('id');
  call('GET', '/books?genre=fiction&limit=20', 'listBooks', 200, null, data.auth);
  call('GET', `/books/${bookId}`, 'getBook', 200, null, data.auth);
  call('PUT', `/books/${bookId}`, 'updateBook', 200, BOOK, json);
  call('DELETE', `/books/${bookId}`, 'deleteBook', 204, null, data.auth);
  const orderId = call('POST', '/orders', 'createOrder', 201, ORDER, json).json('id');
  call('GET', `/orders/${orderId}`, 'getOrder', 200, null, data.auth);
  call('GET', '/health', 'health', 200, null, {});
}
