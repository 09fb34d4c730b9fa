function response(params) {
  const expected = params && params.responseCallback;
  const status = expected === undefined ? 200 : (expected.min !== undefined ? expected.min : expected.statuses[0]);
  return {
    status,
    body: '{"stub":true}',
    headers: new Proxy({}, { get: (target, name) => `<header ${String(name)}>` }),
    json: (path) => (path === undefined ? { stub: true } : `<json ${path}>`),
  };
}

function record(method, url, body, params) {
  const p = params || {};
  globalThis.__events.push({
    type: 'request',
    method,
    url,
    body: body === undefined ? null : body,
    headers: p.headers || {},
    cookies: p.cookies || {},
    tags: p.tags || {},
    expected: p.responseCallback || null,
  });
  return response(p);
}

const http = {
  get: (url, params) => record('GET', url, null, params),
  head: (url, params) => record('HEAD', url, null, params),
  post: (url, body, params) => record('POST', url, body, params),
  put: (url, body, params) => record('PUT', url, body, params),
  patch: (url, body, params) => record('PATCH', url, body, params),
  del: (url, body, params) => record('DELETE', url, body, params),
  options: (url, body, params) => record('OPTIONS', url, body, params),
  request: (method, url, body, params) => record(method, url, body, params),
  file: (data, filename, contentType) => ({ file: true, data, filename, contentType }),
  expectedStatuses: (...statuses) => (typeof statuses[0] === 'object' ? statuses[0] : { statuses }),
};

export default http;
