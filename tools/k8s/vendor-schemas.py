#!/usr/bin/env python3
"""Regenerates deploy/k8s/schemas/ from upstream sources (not run by the tests; see deploy/k8s/schemas/README.md).

Usage: vendor-schemas.py <dir>  where <dir> holds, fetched by hand:
  swagger.json                 Kubernetes OpenAPI v2 (kubernetes-client/python kubernetes/swagger.json.unprocessed)
  040-Crd-kafka.yaml 043-Crd-kafkatopic.yaml 044-Crd-kafkauser.yaml 045-Crd-kafkanodepool.yaml
                               Strimzi packaging/install/cluster-operator/
  cnpg_clusters.yaml cnpg_scheduledbackups.yaml
                               CloudNativePG config/crd/bases/postgresql.cnpg.io_*.yaml
  keda_scaledobjects.yaml keda_triggerauthentications.yaml
                               KEDA config/crd/bases/keda.sh_*.yaml
Each schema is made strict: an object with declared properties accepts no other field (unless the CRD
preserves unknown fields), so a misspelt field fails validation instead of being pruned silently.
"""
import copy, json, sys
import yaml

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else 'deploy/k8s/schemas/'


def strict(s):
    if isinstance(s, dict):
        if s.get('type') == 'object' and 'properties' in s and 'additionalProperties' not in s \
                and not s.get('x-kubernetes-preserve-unknown-fields'):
            s['additionalProperties'] = False
        for k, v in list(s.items()):
            if k in ('format', 'description') and isinstance(v, str):
                del s[k]
                continue
            if k == 'properties':
                for p in v.values():
                    strict(p)
                continue
            strict(v)
    elif isinstance(s, list):
        for x in s:
            strict(x)


def int_or_string(x):
    if isinstance(x, dict):
        if x.get('x-kubernetes-int-or-string'):
            x['type'] = ['integer', 'string']
            x.pop('anyOf', None)
        for y in x.values():
            int_or_string(y)
    elif isinstance(x, list):
        for y in x:
            int_or_string(y)


crds = {'040-Crd-kafka': 'Strimzi', '043-Crd-kafkatopic': 'Strimzi', '044-Crd-kafkauser': 'Strimzi',
        '045-Crd-kafkanodepool': 'Strimzi', 'cnpg_clusters': 'CloudNativePG',
        'cnpg_scheduledbackups': 'CloudNativePG', 'keda_scaledobjects': 'KEDA',
        'keda_triggerauthentications': 'KEDA'}
index = {}
for f, origin in crds.items():
    spec = yaml.safe_load(open(f'{src}/{f}.yaml'))['spec']
    version = [v for v in spec['versions'] if v.get('storage')][0]
    schema = copy.deepcopy(version['schema']['openAPIV3Schema'])
    int_or_string(schema)
    strict(schema)
    kind = spec['names']['kind']
    schema['properties']['metadata'] = {'type': 'object'}
    schema['properties']['apiVersion'] = {'enum': [f"{spec['group']}/{version['name']}"]}
    schema['properties']['kind'] = {'enum': [kind]}
    schema['required'] = sorted(set(schema.get('required', [])) | {'apiVersion', 'kind', 'metadata'})
    schema['$comment'] = f'openAPIV3Schema of the {kind} CRD ({origin}), made strict by tools/k8s/vendor-schemas.py'
    name = f"{spec['group']}_{version['name']}_{kind}.json"
    json.dump(schema, open(out + name, 'w'), separators=(',', ':'), sort_keys=True)
    index[f"{spec['group']}/{version['name']}/{kind}"] = name

swagger = json.load(open(f'{src}/swagger.json'))['definitions']
kinds = {'v1/Secret': 'io.k8s.api.core.v1.Secret', 'v1/Service': 'io.k8s.api.core.v1.Service',
         'v1/ConfigMap': 'io.k8s.api.core.v1.ConfigMap', 'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
         'v1/ServiceAccount': 'io.k8s.api.core.v1.ServiceAccount',
         'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment', 'batch/v1/Job': 'io.k8s.api.batch.v1.Job',
         'policy/v1/PodDisruptionBudget': 'io.k8s.api.policy.v1.PodDisruptionBudget',
         'networking.k8s.io/v1/Ingress': 'io.k8s.api.networking.v1.Ingress',
         'networking.k8s.io/v1/NetworkPolicy': 'io.k8s.api.networking.v1.NetworkPolicy',
         'autoscaling/v2/HorizontalPodAutoscaler': 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'}
need = set()


def walk(x):
    if isinstance(x, dict):
        ref = x.get('$ref')
        if ref:
            n = ref.split('/')[-1]
            if n not in need:
                need.add(n)
                walk(swagger[n])
        for y in x.values():
            walk(y)
    elif isinstance(x, list):
        for y in x:
            walk(y)


for d in kinds.values():
    need.add(d)
    walk(swagger[d])
defs = {n: copy.deepcopy(swagger[n]) for n in sorted(need)}
for n, d in defs.items():
    d.pop('x-kubernetes-group-version-kind', None)
    if d.get('format') == 'int-or-string':
        defs[n] = {'type': ['integer', 'string']}
    elif n.endswith('resource.Quantity'):
        defs[n] = {'type': ['string', 'number']}
strict(defs)
for k, d in kinds.items():
    api_version, kind = k.rsplit('/', 1)
    defs[d]['properties']['apiVersion'] = {'enum': [api_version]}
    defs[d]['properties']['kind'] = {'enum': [kind]}
    defs[d]['required'] = sorted(set(defs[d].get('required', [])) | {'apiVersion', 'kind', 'metadata'})
    index[k] = 'kubernetes.json#/definitions/' + d
json.dump({'$comment': 'Kubernetes OpenAPI v2 definitions of the built-in kinds used, closed over $ref, made strict by tools/k8s/vendor-schemas.py',
           'definitions': defs}, open(out + 'kubernetes.json', 'w'), separators=(',', ':'), sort_keys=True)
json.dump(index, open(out + 'index.json', 'w'), indent=2, sort_keys=True)
