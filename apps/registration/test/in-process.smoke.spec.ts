import { freshSchema, startInProcess } from '@seleksi/testing';
import { RegistrationConfig } from '../src/registration.config';
import { RegistrationModule } from '../src/registration.module';

describe('startInProcess', () => {
  it('serves a ready registration service', async () => {
    await freshSchema('registration');
    const svc = await startInProcess({ service: 'registration', configType: RegistrationConfig, module: (c) => RegistrationModule.forConfig(c, { processMetrics: false }) });
    try {
      const res = await fetch(`${svc.url}/health/ready`);
      expect(res.status).toBe(200);
    } finally {
      await svc.close();
    }
  }, 60_000);
});
