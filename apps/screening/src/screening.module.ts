import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@seleksi/messaging';
import { AppealsController } from './appeals/appeals.controller';
import { AppealsRepository } from './appeals/appeals.repository';
import { AppealsService } from './appeals/appeals.service';
import { FileAppeal } from './appeals/usecases/file-appeal/file-appeal.usecase';
import { ResolveAppeal } from './appeals/usecases/resolve-appeal/resolve-appeal.usecase';
import { AuditController } from './audit/audit.controller';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { DecideCases } from './cases/usecases/decide-cases/decide-cases.usecase';
import { Clock } from './common/clock';
import { HandoversRepository } from './handovers/handovers.repository';
import { HandoversService } from './handovers/handovers.service';
import { ReconciliationController } from './handovers/reconciliation.controller';
import { IntakeHandler } from './intake/intake.handler';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';
import { SCREENING_MIGRATIONS } from './migrations';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsRepository } from './periods/periods.repository';
import { AnnounceResults } from './periods/usecases/announce-results/announce-results.usecase';
import { FinalizePeriod } from './periods/usecases/finalize-period/finalize-period.usecase';
import { PeriodState } from './periods/usecases/period-state/period-state.usecase';
import { ReasonsController } from './reasons/reasons.controller';
import { ScreeningConfig } from './screening.config';
import { VerifiersController } from './verifiers/verifiers.controller';
import { VerifiersRepository } from './verifiers/verifiers.repository';
import { VerifiersService } from './verifiers/verifiers.service';

export interface ScreeningModuleOptions {
  processMetrics?: boolean;
  /** Tests pass a clock they can move; production uses the system clock. */
  clock?: Clock;
}

@Module({})
export class ScreeningModule {
  static forConfig(config: ScreeningConfig, options: ScreeningModuleOptions = {}): DynamicModule {
    const { clock, ...runtime } = options;
    return {
      module: ScreeningModule,
      imports: [ServiceRuntimeModule.forService({ service: 'screening', config, migrations: SCREENING_MIGRATIONS, ...runtime })],
      controllers: [
        IntakeHandler,
        ReasonsController,
        VerifiersController,
        CasesController,
        PeriodsController,
        AppealsController,
        AuditController,
        ReconciliationController,
      ],
      providers: [
        { provide: ScreeningConfig, useValue: config },
        ...(clock ? [{ provide: Clock, useValue: clock }] : []),
        IntakeRepository,
        IntakeService,
        HandoversRepository,
        HandoversService,
        CasesRepository,
        CasesService,
        DecideCases,
        VerifiersRepository,
        VerifiersService,
        PeriodsRepository,
        AnnounceResults,
        FinalizePeriod,
        PeriodState,
        AppealsRepository,
        AppealsService,
        FileAppeal,
        ResolveAppeal,
        AuditRepository,
        AuditService,
      ],
    };
  }
}
