// Resolves k6's built-in modules and jslib URLs to recording stubs.
const stubs = {
  'k6': 'k6.mjs',
  'k6/http': 'http.mjs',
  'k6/encoding': 'encoding.mjs',
};

export async function resolve(specifier, context, next) {
  if (Object.hasOwn(stubs, specifier)) {
    return { url: new URL('./stubs/' + stubs[specifier], import.meta.url).href, shortCircuit: true };
  }
  if (specifier.startsWith('https://jslib.k6.io/k6-summary/')) {
    return { url: new URL('./stubs/summary.mjs', import.meta.url).href, shortCircuit: true };
  }
  if (specifier.startsWith('https://jslib.k6.io/formdata/')) {
    return { url: new URL('./stubs/formdata.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
