import { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * What an applicant-facing message says, as data: the portal renders `code` with `params` from its
 * own catalogue in the applicant's language, so no English sentence has to be parsed or shown.
 * Params stay flat (strings, numbers, booleans, arrays of strings); an instant is an ISO string and
 * travels with the agency's `zone`, so the portal formats it as `formatLocalTime` does.
 */
export type MessageParamValue = string | number | boolean | string[];
export type MessageParams = Record<string, MessageParamValue>;

/** The OpenAPI schema of `params`, for `@ApiProperty(MESSAGE_PARAMS_SCHEMA)`. */
export const MESSAGE_PARAMS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: "The message's values: outcomes, reason codes, scores, ISO instants with the agency's zone (see the service README's code list)",
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
  example: { result: 'TMS', reasons: ['GPA_BELOW_MINIMUM'], appealFilingClosesAt: '2027-01-10T16:59:00.000Z', zone: 'WIB' },
};

/** Drops null and undefined values so the params stay within the flat types above. */
export function messageParams(values: Record<string, MessageParamValue | null | undefined>): MessageParams {
  const params: MessageParams = {};
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== undefined) params[key] = value;
  return params;
}
