import { MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { Intake1763800000200 } from './1763800000200-intake.migration';
import { ScreeningWork1763800000201 } from './1763800000201-screening-work.migration';
import { Handovers1763800000910 } from './1763800000910-handovers.migration';

/** In order of application; never reorder or edit one that has shipped. */
export const SCREENING_MIGRATIONS = [
  MessagingTables1763800000000,
  Intake1763800000200,
  ScreeningWork1763800000201,
  OutboxEventBatches1763800000900,
  Handovers1763800000910,
];
