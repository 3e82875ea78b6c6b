import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesHandler } from './candidates/candidates.handler';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesService } from './candidates/candidates.service';
import { ConflictsController } from './conflicts/conflicts.controller';
import { ConflictsRepository } from './conflicts/conflicts.repository';
import { ConflictsService } from './conflicts/conflicts.service';
import { HandoversController } from './handovers/handovers.controller';
import { HandoversRepository } from './handovers/handovers.repository';
import { HandoversService } from './handovers/handovers.service';
import { InterviewConfig } from './interview.config';
import { INTERVIEW_MIGRATIONS } from './migrations';
import { CandidatePlacementService } from './panels/candidate-placement.service';
import { PanelsController } from './panels/panels.controller';
import { PanelsRepository } from './panels/panels.repository';
import { PanelsService } from './panels/panels.service';
import { PlacementRepository } from './panels/placement.repository';
import { PeriodsHandler } from './periods/periods.handler';
import { PeriodsRepository } from './periods/periods.repository';
import { RubricsController } from './rubrics/rubrics.controller';
import { RubricsRepository } from './rubrics/rubrics.repository';
import { RubricsService } from './rubrics/rubrics.service';
import { SchedulingController } from './scheduling/scheduling.controller';
import { SchedulingRepository } from './scheduling/scheduling.repository';
import { SchedulingService } from './scheduling/scheduling.service';
import { PanelistAccessPolicy } from './scoring/panelist-access';
import { ScoringController } from './scoring/scoring.controller';
import { ScoringRepository } from './scoring/scoring.repository';
import { ScoringService } from './scoring/scoring.service';
import { FinalizeInterview } from './scoring/usecases/finalize-interview/finalize-interview';
import { ViewLogRepository } from './shared/view-log.repository';
import { InterviewCountsController } from './statistics/interview-counts.controller';
import { StatisticsController } from './statistics/statistics.controller';
import { ViewLogController } from './statistics/view-log.controller';
import { ViewLogService } from './statistics/view-log.service';
import { StatisticsRepository } from './statistics/statistics.repository';
import { StatisticsService } from './statistics/statistics.service';

@Module({})
export class InterviewModule {
  static forConfig(config: InterviewConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: InterviewModule,
      imports: [ServiceRuntimeModule.forService({ service: 'interview', config, migrations: INTERVIEW_MIGRATIONS, ...options })],
      controllers: [
        CandidatesHandler,
        PeriodsHandler,
        CandidatesController,
        PanelsController,
        RubricsController,
        ConflictsController,
        SchedulingController,
        ScoringController,
        StatisticsController,
        InterviewCountsController,
        ViewLogController,
        HandoversController,
      ],
      providers: [
        { provide: InterviewConfig, useValue: config },
        ViewLogRepository,
        ViewLogService,
        PeriodsRepository,
        CandidatesRepository,
        CandidatesService,
        PlacementRepository,
        CandidatePlacementService,
        PanelsRepository,
        PanelsService,
        RubricsRepository,
        RubricsService,
        ConflictsRepository,
        ConflictsService,
        SchedulingRepository,
        SchedulingService,
        ScoringRepository,
        PanelistAccessPolicy,
        ScoringService,
        FinalizeInterview,
        StatisticsRepository,
        StatisticsService,
        HandoversRepository,
        HandoversService,
      ],
    };
  }
}
