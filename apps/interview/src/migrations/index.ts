import { MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { Candidates1763800000400 } from './1763800000400-candidates.migration';
import { PanelsAndScoring1763800000401 } from './1763800000401-panels-and-scoring.migration';
import { CompletionRecord1763800000402 } from './1763800000402-completion-record.migration';
import { Handovers1763800000910 } from './1763800000910-handovers.migration';

/** In order of application; never reorder or edit one that has shipped. */
export const INTERVIEW_MIGRATIONS = [
  MessagingTables1763800000000,
  Candidates1763800000400,
  PanelsAndScoring1763800000401,
  CompletionRecord1763800000402,
  OutboxEventBatches1763800000900,
  Handovers1763800000910,
];
