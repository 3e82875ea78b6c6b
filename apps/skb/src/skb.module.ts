import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { IntakeHandler } from './intake/intake.handler';
import { IntakeRepository } from './intake/intake.repository';
import { SKB_MIGRATIONS } from './migrations';
import { SkbConfig } from './skb.config';

@Module({})
export class SkbModule {
  static forConfig(config: SkbConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: SkbModule,
      imports: [ServiceRuntimeModule.forService({ service: 'skb', config, migrations: SKB_MIGRATIONS, ...options })],
      controllers: [IntakeHandler],
      providers: [IntakeRepository],
    };
  }
}
