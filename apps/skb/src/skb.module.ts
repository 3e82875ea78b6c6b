import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { IntakeHandler } from './intake/intake.handler';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';
import { HandoversRepository } from './handovers/handovers.repository';
import { HandoversService } from './handovers/handovers.service';
import { ReconciliationController } from './handovers/reconciliation.controller';
import { SKB_MIGRATIONS } from './migrations';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsHandler } from './periods/periods.handler';
import { OversightController } from './oversight/oversight.controller';
import { OversightRepository } from './oversight/oversight.repository';
import { OversightService } from './oversight/oversight.service';
import { PeriodsRepository } from './periods/periods.repository';
import { PeriodsService } from './periods/periods.service';
import { RESULTS_FINALIZED_BATCH, resultsFinalizedBatch } from './results/results.batches';
import { ResultsController } from './results/results.controller';
import { ResultsRepository } from './results/results.repository';
import { ResultsService } from './results/results.service';
import { FinalizeResultsUseCase } from './results/usecases/finalize-results/finalize-results.usecase';
import { SCORES_RECORDED_BATCH, scoresRecordedBatch } from './scores/scores.batches';
import { ScoresController } from './scores/scores.controller';
import { ScoresEvents } from './scores/scores-events';
import { ScoresRepository } from './scores/scores.repository';
import { ScoresService } from './scores/scores.service';
import { ScoreImportsRepository } from './scores/score-imports.repository';
import { ImportScoresUseCase } from './scores/usecases/import-scores/import-scores.usecase';
import { RecordScoreUseCase } from './scores/usecases/record-score/record-score.usecase';
import { ExamCardService } from './sessions/exam-card.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { AllocateSeatsUseCase } from './sessions/usecases/allocate-seats/allocate-seats.usecase';
import { PublishAllocationUseCase } from './sessions/usecases/publish-allocation/publish-allocation.usecase';
import { SkbConfig } from './skb.config';

/** Where the relay reads the events of skb's event batches from. */
export const SKB_EVENT_BATCHES = { [SCORES_RECORDED_BATCH]: scoresRecordedBatch, [RESULTS_FINALIZED_BATCH]: resultsFinalizedBatch };

@Module({})
export class SkbModule {
  static forConfig(config: SkbConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: SkbModule,
      imports: [ServiceRuntimeModule.forService({ service: 'skb', config, migrations: SKB_MIGRATIONS, eventBatches: SKB_EVENT_BATCHES, ...options })],
      controllers: [
        IntakeHandler,
        PeriodsHandler,
        PeriodsController,
        ScoresController,
        ResultsController,
        SessionsController,
        OversightController,
        ReconciliationController,
      ],
      providers: [
        { provide: SkbConfig, useValue: config },
        IntakeRepository,
        IntakeService,
        HandoversRepository,
        HandoversService,
        PeriodsRepository,
        PeriodsService,
        ScoresRepository,
        ScoresEvents,
        ScoresService,
        ScoreImportsRepository,
        ImportScoresUseCase,
        RecordScoreUseCase,
        ResultsRepository,
        OversightRepository,
        OversightService,
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
