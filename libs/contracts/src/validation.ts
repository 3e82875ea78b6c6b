import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { definitionOfType, EventName, eventType, PayloadOf } from './catalog';

export class InvalidPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${eventType} payload: ${problems.join('; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Checks a payload against its event's class. Unknown extra fields are tolerated, so adding a field
 * is not a breaking change; a missing or mistyped field is.
 */
export function validatePayloadOfType(type: string, data: unknown): object {
  const def = definitionOfType(type);
  if (!def) throw new InvalidPayloadError(type, [`unknown event type ${type}`]);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidPayloadError(type, ['payload must be a JSON object']);
  }
  const instance = plainToInstance(def.payload, data);
  const problems = flatten(validateSync(instance, { forbidUnknownValues: true }));
  if (problems.length > 0) throw new InvalidPayloadError(type, problems);
  return instance;
}

export function validatePayload<N extends EventName>(name: N, data: PayloadOf<N>): PayloadOf<N> {
  return validatePayloadOfType(eventType(name), data) as PayloadOf<N>;
}
