import 'reflect-metadata';
import { runService } from '@seleksi/messaging';
import { PlacementConfig } from './placement.config';
import { PlacementModule } from './placement.module';

void runService({
  service: 'placement',
  description: 'Score integration, ranking, allocation with optimalisasi, placement and announcement.',
  configType: PlacementConfig,
  module: (config) => PlacementModule.forConfig(config),
});
