import 'reflect-metadata';
import { runService } from '@seleksi/messaging';
import { RegistrationConfig } from './registration.config';
import { RegistrationModule } from './registration.module';

void runService({
  service: 'registration',
  description: 'Periods, formations, accounts, applications and the status timeline of each applicant.',
  configType: RegistrationConfig,
  module: (config) => RegistrationModule.forConfig(config),
});
