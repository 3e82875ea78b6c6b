import { allEventNames, validatePayload } from '@seleksi/contracts';
import { newPayload } from '@seleksi/testing';

/** Integration tests trust these payloads; a contract change the factories miss must fail here. */
describe(newPayload.name, () => {
  it.each(allEventNames())('produces a valid %s payload', (name) => {
    expect(() => validatePayload(name, newPayload(name))).not.toThrow();
  });
});
