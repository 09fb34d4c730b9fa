import { pathToFileURL } from 'node:url';

globalThis.__ENV = JSON.parse(process.argv[3] || '{}');
globalThis.__events = [];
globalThis.open = (path, mode) => {
  globalThis.__events.push({ type: 'open', path, mode });
  return `<file ${path}>`;
};

const script = await import(pathToFileURL(process.argv[2]).href);
let data;
if (typeof script.setup === 'function') {
  data = script.setup();
}
for (const scenario of Object.values(script.options.scenarios)) {
  globalThis.__events.push({ type: 'scenario', exec: scenario.exec });
  script[scenario.exec](data);
}
const summary = script.handleSummary({ metrics: {}, root_group: {} });
globalThis.__events.push({ type: 'summary', keys: Object.keys(summary) });
process.stdout.write(JSON.stringify({ options: script.options, events: globalThis.__events }));
