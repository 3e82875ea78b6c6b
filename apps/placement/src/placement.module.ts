import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { AllocationController } from './allocation/allocation.controller';
import { AllocationRepository } from './allocation/allocation.repository';
import { AnnouncePeriod } from './allocation/usecases/announce-period.usecase';
import { ApproveOverride } from './allocation/usecases/approve-override.usecase';
import { ConfirmPlacements } from './allocation/usecases/confirm-placements.usecase';
import { DeclinePlacement } from './allocation/usecases/decline-placement.usecase';
import { OverridePlacement } from './allocation/usecases/override-placement.usecase';
import { ProposeAllocation } from './allocation/usecases/propose-allocation.usecase';
import { HandoversRepository } from './handovers/handovers.repository';
import { HandoversService } from './handovers/handovers.service';
import { ReconciliationController } from './handovers/reconciliation.controller';
import { InputsHandler } from './inputs/inputs.handler';
import { InputsRepository } from './inputs/inputs.repository';
import { PLACEMENT_MIGRATIONS } from './migrations';
import { OutcomeController } from './outcomes/outcome.controller';
import { OutcomeService } from './outcomes/outcome.service';
import { PeriodController } from './periods/period.controller';
import { PeriodRepository } from './periods/period.repository';
import { PlacementConfig } from './placement.config';
import { RankingController } from './ranking/ranking.controller';
import { RankingRepository } from './ranking/ranking.repository';
import { ComputeRankings } from './ranking/usecases/compute-rankings/compute-rankings.usecase';
import { ReportController } from './reports/report.controller';
import { ReportRepository } from './reports/report.repository';

@Module({})
export class PlacementModule {
  static forConfig(config: PlacementConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    return {
      module: PlacementModule,
      imports: [ServiceRuntimeModule.forService({ service: 'placement', config, migrations: PLACEMENT_MIGRATIONS, ...options })],
      controllers: [InputsHandler, PeriodController, RankingController, AllocationController, OutcomeController, ReportController, ReconciliationController],
      providers: [
        { provide: PlacementConfig, useValue: config },
        InputsRepository,
        HandoversRepository,
        HandoversService,
        PeriodRepository,
        RankingRepository,
        AllocationRepository,
        ReportRepository,
        ComputeRankings,
        ProposeAllocation,
        OverridePlacement,
        ApproveOverride,
        ConfirmPlacements,
        AnnouncePeriod,
        DeclinePlacement,
        OutcomeService,
      ],
    };
  }
}
