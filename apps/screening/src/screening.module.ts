import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { IntakeHandler } from './intake/intake.handler';
import { IntakeRepository } from './intake/intake.repository';
import { SCREENING_MIGRATIONS } from './migrations';
import { ScreeningConfig } from './screening.config';

@Module({})
export class ScreeningModule {
  static forConfig(config: ScreeningConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: ScreeningModule,
      imports: [ServiceRuntimeModule.forService({ service: 'screening', config, migrations: SCREENING_MIGRATIONS, ...options })],
      controllers: [IntakeHandler],
      providers: [IntakeRepository],
    };
  }
}
