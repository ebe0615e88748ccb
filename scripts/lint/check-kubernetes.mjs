// Validates Kubernetes manifests against the API's JSON schemas (the
// kubernetes-models package): every document's apiVersion and kind must be
// known, required fields present and every field of the right type. The
// schemas allow extra fields, so a misspelt optional field goes unnoticed.
//   node check-kubernetes.mjs FILE.yaml...   (exit 1 on the first invalid file)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// "apps/v1" -> "kubernetes-models/apps/v1", "v1" -> "kubernetes-models/v1".
async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion : `v1`;
  const module = await import(`kubernetes-models/${group}`);
  if (!module[kind]) throw new Error(`unknown kind ${kind} in ${apiVersion}`);
  return module[kind];
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    if (object.apiVersion?.startsWith("kustomize.config.k8s.io/")) continue; // not an API object
    try {
      const Model = await modelFor(object.apiVersion, object.kind);
      new Model(object).validate();
      console.log(`${file}: ${object.kind} ${object.metadata?.name}: valid ${object.apiVersion}`);
    } catch (error) {
      console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${error.message}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
