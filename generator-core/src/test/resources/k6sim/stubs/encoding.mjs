export default {
  b64encode: (text) => Buffer.from(String(text), 'utf8').toString('base64'),
};
