import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { REGISTRATION_MIGRATIONS } from './migrations';
import { RegistrationConfig } from './registration.config';
import { TimelineHandler } from './timeline/timeline.handler';
import { TimelineRepository } from './timeline/timeline.repository';

@Module({})
export class RegistrationModule {
  static forConfig(config: RegistrationConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [ServiceRuntimeModule.forService({ service: 'registration', config, migrations: REGISTRATION_MIGRATIONS, ...options })],
      controllers: [TimelineHandler],
      providers: [TimelineRepository],
    };
  }
}
