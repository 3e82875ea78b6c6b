import { MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { Inputs1763800000500 } from './1763800000500-inputs.migration';
import { Placement1763800000510 } from './1763800000510-placement.migration';
import { Handovers1763800000910 } from './1763800000910-handovers.migration';

/** In order of application; never reorder or edit one that has shipped. */
export const PLACEMENT_MIGRATIONS = [
  MessagingTables1763800000000,
  Inputs1763800000500,
  Placement1763800000510,
  OutboxEventBatches1763800000900,
  Handovers1763800000910,
];
