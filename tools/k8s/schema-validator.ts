import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { K8sObject } from './kustomize';

/**
 * Validates objects against the schemas vendored in deploy/k8s/schemas (the Kubernetes OpenAPI for
 * built-in kinds, the operators' CRDs for Strimzi, CloudNativePG and KEDA), made strict: a field the
 * schema does not declare is an error, as it is with `kubectl apply --validate=strict`.
 */
export class ManifestValidator {
  private readonly ajv = new Ajv({ allErrors: true, nullable: true, jsonPointers: true });
  private readonly byKind: Record<string, string>;
  private readonly compiled = new Map<string, Ajv.ValidateFunction>();

  constructor(private readonly schemaDir: string) {
    this.byKind = JSON.parse(readFileSync(join(schemaDir, 'index.json'), 'utf8')) as Record<string, string>;
    this.ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, 'kubernetes.json'), 'utf8')) as object, 'kubernetes.json');
  }

  /** Problems as `path: message`; empty when the object is valid. */
  validate(object: K8sObject): string[] {
    const key = `${object.apiVersion}/${object.kind}`;
    const schema = this.byKind[key];
    if (!schema) return [`no schema for ${key}`];
    const problems = [
      ...this.check(schema, object, ''),
      ...this.check('kubernetes.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', object.metadata, '/metadata'),
    ];
    return [...new Set(problems)];
  }

  private check(schema: string, value: unknown, prefix: string): string[] {
    const validate = this.validator(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => {
      const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
      return `${prefix}${error.dataPath || '/'}: ${error.message ?? error.keyword}${extra}`;
    });
  }

  private validator(schema: string): Ajv.ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = schema.startsWith('kubernetes.json#')
        ? this.ajv.compile({ $ref: schema })
        : this.ajv.compile(JSON.parse(readFileSync(join(this.schemaDir, schema), 'utf8')) as object);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
