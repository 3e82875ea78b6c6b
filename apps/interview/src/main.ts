import 'reflect-metadata';
import { runService } from '@seleksi/messaging';
import { InterviewConfig } from './interview.config';
import { InterviewModule } from './interview.module';

void runService({
  service: 'interview',
  description: 'Interview panels, rubrics, blind scoring and calibration.',
  configType: InterviewConfig,
  module: (config) => InterviewModule.forConfig(config),
});
