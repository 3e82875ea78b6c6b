import 'reflect-metadata';
import { runService } from '@seleksi/messaging';
import { ScreeningConfig } from './screening.config';
import { ScreeningModule } from './screening.module';

void runService({
  service: 'screening',
  description: 'Administrative selection: cases, checks, verifier decisions, announcements and appeals.',
  configType: ScreeningConfig,
  module: (config) => ScreeningModule.forConfig(config),
});
