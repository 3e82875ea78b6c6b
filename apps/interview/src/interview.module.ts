import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { CandidatesHandler } from './candidates/candidates.handler';
import { CandidatesRepository } from './candidates/candidates.repository';
import { InterviewConfig } from './interview.config';
import { INTERVIEW_MIGRATIONS } from './migrations';

@Module({})
export class InterviewModule {
  static forConfig(config: InterviewConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: InterviewModule,
      imports: [ServiceRuntimeModule.forService({ service: 'interview', config, migrations: INTERVIEW_MIGRATIONS, ...options })],
      controllers: [CandidatesHandler],
      providers: [CandidatesRepository],
    };
  }
}
