import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { InputsHandler } from './inputs/inputs.handler';
import { InputsRepository } from './inputs/inputs.repository';
import { PLACEMENT_MIGRATIONS } from './migrations';
import { PlacementConfig } from './placement.config';

@Module({})
export class PlacementModule {
  static forConfig(config: PlacementConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: PlacementModule,
      imports: [ServiceRuntimeModule.forService({ service: 'placement', config, migrations: PLACEMENT_MIGRATIONS, ...options })],
      controllers: [InputsHandler],
      providers: [InputsRepository],
    };
  }
}
