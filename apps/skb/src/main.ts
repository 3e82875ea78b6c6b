import 'reflect-metadata';
import { runService } from '@seleksi/messaging';
import { SkbConfig } from './skb.config';
import { SkbModule } from './skb.module';

void runService({
  service: 'skb',
  description: 'Field competency test: participants, sessions and seats, score intake and results.',
  configType: SkbConfig,
  module: (config) => SkbModule.forConfig(config),
});
