import { MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { Intake1763800000300 } from './1763800000300-intake.migration';
import { SkbCore1763800000301 } from './1763800000301-skb-core.migration';
import { BulkWrites1763800000302 } from './1763800000302-bulk-writes.migration';
import { ChangedSheets1763800000303 } from './1763800000303-changed-sheets.migration';
import { ResultsLayout1763800000304 } from './1763800000304-results-layout.migration';
import { ScoreImports1763800000305 } from './1763800000305-score-imports.migration';
import { Handovers1763800000910 } from './1763800000910-handovers.migration';

/** In order of application; never reorder or edit one that has shipped. */
export const SKB_MIGRATIONS = [
  MessagingTables1763800000000,
  Intake1763800000300,
  SkbCore1763800000301,
  BulkWrites1763800000302,
  ChangedSheets1763800000303,
  ResultsLayout1763800000304,
  ScoreImports1763800000305,
  OutboxEventBatches1763800000900,
  Handovers1763800000910,
];
