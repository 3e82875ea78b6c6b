import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { SqlOutbox } from './common/sql-outbox';
import { IntakeHandler } from './intake/intake.handler';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';
import { SKB_MIGRATIONS } from './migrations';
import { PeriodsHandler } from './periods/periods.handler';
import { PeriodsRepository } from './periods/periods.repository';
import { PeriodsService } from './periods/periods.service';
import { ResultsController } from './results/results.controller';
import { ResultsRepository } from './results/results.repository';
import { ResultsService } from './results/results.service';
import { FinalizeResultsUseCase } from './results/usecases/finalize-results/finalize-results.usecase';
import { ScoresController } from './scores/scores.controller';
import { ScoresEvents } from './scores/scores-events';
import { ScoresRepository } from './scores/scores.repository';
import { ImportScoresUseCase } from './scores/usecases/import-scores/import-scores.usecase';
import { RecordScoreUseCase } from './scores/usecases/record-score/record-score.usecase';
import { ExamCardService } from './sessions/exam-card.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { AllocateSeatsUseCase } from './sessions/usecases/allocate-seats/allocate-seats.usecase';
import { PublishAllocationUseCase } from './sessions/usecases/publish-allocation/publish-allocation.usecase';
import { SkbConfig } from './skb.config';

@Module({})
export class SkbModule {
  static forConfig(config: SkbConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: SkbModule,
      imports: [ServiceRuntimeModule.forService({ service: 'skb', config, migrations: SKB_MIGRATIONS, ...options })],
      controllers: [IntakeHandler, PeriodsHandler, ScoresController, ResultsController, SessionsController],
      providers: [
        { provide: SkbConfig, useValue: config },
        SqlOutbox,
        IntakeRepository,
        IntakeService,
        PeriodsRepository,
        PeriodsService,
        ScoresRepository,
        ScoresEvents,
        ImportScoresUseCase,
        RecordScoreUseCase,
        ResultsRepository,
        ResultsService,
        FinalizeResultsUseCase,
        SessionsRepository,
        SessionsService,
        AllocateSeatsUseCase,
        PublishAllocationUseCase,
        ExamCardService,
      ],
    };
  }
}
