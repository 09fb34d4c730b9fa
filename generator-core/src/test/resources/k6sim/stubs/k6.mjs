export function check(res, checks) {
  for (const [name, condition] of Object.entries(checks)) {
    globalThis.__events.push({ type: 'check', name, passed: Boolean(condition(res)) });
  }
  return true;
}

export function group(name, fn) {
  globalThis.__events.push({ type: 'group', name });
  const result = fn();
  globalThis.__events.push({ type: 'groupEnd', name });
  return result;
}

export function sleep(seconds) {
  globalThis.__events.push({ type: 'sleep', seconds });
}

export function fail(message) {
  throw new Error(message);
}
