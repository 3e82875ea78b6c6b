import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load, loadAll } from 'js-yaml';

/**
 * A small Kustomize for the manifests' tests, so they run where neither `kustomize` nor `kubectl` is
 * installed. It knows only what deploy/k8s uses: `resources` (files and directories), `namespace`,
 * `labels` (metadata only) and `patches` (strategic merge from a file, or JSON 6902 operations on a
 * `target` selected by kind, name and label). Anything else in a kustomization is refused, so a
 * feature added to the manifests cannot be silently ignored here; where kubectl is present the test
 * also compares this output with `kubectl kustomize`.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface Target {
  kind?: string;
  name?: string;
  labelSelector?: string;
}

interface PatchEntry {
  path?: string;
  patch?: string;
  target?: Target;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  patches?: PatchEntry[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: Json;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'patches']);
/** Lists that Kubernetes merges by `name` in a strategic merge patch (the ones the overlays touch). */
const MERGE_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes', 'volumeMounts', 'ports']);
const CLUSTER_SCOPED = new Set(['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);

export function renderKustomization(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const kustomization = load(readFileSync(file, 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) throw new Error(`${file}: fields this renderer does not support: ${unknown.join(', ')}`);

  let objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path)));
  }
  for (const entry of kustomization.patches ?? []) objects = applyPatch(dir, objects, entry);
  for (const object of objects) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const { pairs, includeSelectors, includeTemplates } of kustomization.labels ?? []) {
      if (includeSelectors || includeTemplates) throw new Error(`${file}: labels with includeSelectors/includeTemplates are not supported`);
      object.metadata.labels = { ...object.metadata.labels, ...pairs };
    }
  }
  return objects;
}

export function readObjects(path: string): K8sObject[] {
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  return loadAll(readFileSync(path, 'utf8')).filter((doc): doc is K8sObject => doc !== null && doc !== undefined);
}

function applyPatch(dir: string, objects: K8sObject[], entry: PatchEntry): K8sObject[] {
  const text = entry.path ? readFileSync(join(dir, entry.path), 'utf8') : entry.patch;
  if (text === undefined) throw new Error(`${dir}: a patch needs a path or an inline patch`);
  const docs = loadAll(text) as Json[];
  if (docs.length === 1 && Array.isArray(docs[0])) {
    if (!entry.target) throw new Error(`${dir}: a JSON 6902 patch needs a target`);
    const operations = docs[0] as unknown as PatchOperation[];
    const matched = objects.filter((object) => matches(object, entry.target as Target));
    if (matched.length === 0) throw new Error(`${dir}: patch target ${JSON.stringify(entry.target)} matches nothing`);
    return objects.map((object) => (matched.includes(object) ? (applyOperations(object as unknown as Json, operations) as unknown as K8sObject) : object));
  }
  let result = objects;
  for (const doc of docs as unknown as K8sObject[]) {
    const found = result.filter((object) => sameObject(object, doc) && (!entry.target || matches(object, entry.target)));
    if (found.length !== 1) throw new Error(`${dir}: patch for ${doc.kind}/${doc.metadata.name} matches ${found.length} objects`);
    const builtIn = !doc.apiVersion.includes('.') || doc.apiVersion.includes('k8s.io/');
    result = result.map((object) =>
      object === found[0] ? (mergePatch(object as unknown as Json, doc as unknown as Json, builtIn, '') as unknown as K8sObject) : object,
    );
  }
  return result;
}

function sameObject(object: K8sObject, patch: K8sObject): boolean {
  const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
  return object.kind === patch.kind && object.metadata.name === patch.metadata.name && group(object.apiVersion) === group(patch.apiVersion);
}

function matches(object: K8sObject, target: Target): boolean {
  if (target.kind && object.kind !== target.kind) return false;
  if (target.name && !new RegExp(`^(?:${target.name})$`).test(object.metadata.name)) return false;
  for (const requirement of target.labelSelector ? target.labelSelector.split(',') : []) {
    const [key, value] = requirement.split('=');
    if (object.metadata.labels?.[key.trim()] !== value?.trim()) return false;
  }
  return true;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strategic merge: maps merge, `null` deletes, lists of named items merge by name in built-in kinds, other lists are replaced. */
function mergePatch(target: Json, patch: Json, builtIn: boolean, key: string): Json {
  if (Array.isArray(patch) && Array.isArray(target) && builtIn && MERGE_BY_NAME.has(key)) {
    const merged = [...target];
    for (const item of patch) {
      const index = merged.findIndex((existing) => isObject(existing) && isObject(item) && existing.name === item.name);
      if (index >= 0) merged[index] = mergePatch(merged[index], item, builtIn, '');
      else merged.push(item);
    }
    return merged;
  }
  if (!isObject(patch) || !isObject(target)) return patch;
  const merged: JsonObject = { ...target };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else merged[field] = field in target ? mergePatch(target[field], value, builtIn, field) : value;
  }
  return merged;
}

function applyOperations(document: Json, operations: PatchOperation[]): Json {
  const copy = JSON.parse(JSON.stringify(document)) as Json;
  for (const { op, path, value } of operations) {
    const tokens = path
      .split('/')
      .slice(1)
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop();
    if (last === undefined) throw new Error(`patch path ${path} points at the whole document`);
    let parent: Json = copy;
    for (const token of tokens) {
      const next: Json | undefined = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? parent[token] : undefined;
      if (next === undefined) throw new Error(`patch path ${path}: ${token} does not exist`);
      parent = next;
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, value as Json);
      else if (index >= parent.length) throw new Error(`patch path ${path} does not exist`);
      else if (op === 'replace') parent[index] = value as Json;
      else parent.splice(index, 1);
    } else if (isObject(parent)) {
      if (op !== 'add' && !(last in parent)) throw new Error(`patch path ${path} does not exist`);
      if (op === 'remove') delete parent[last];
      else parent[last] = value as Json;
    } else {
      throw new Error(`patch path ${path}: parent is not a list or map`);
    }
  }
  return copy;
}

/** deploy/k8s, from the repository root whether this runs from source or from dist. */
export function k8sDirectory(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'deploy', 'k8s', 'base'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('deploy/k8s not found above ' + __dirname);
    dir = parent;
  }
  return join(dir, 'deploy', 'k8s');
}
