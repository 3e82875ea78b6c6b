import { MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { Timeline1763800000100 } from './1763800000100-timeline.migration';
import { RegistrationCore1763800000110 } from './1763800000110-registration-core.migration';
import { AccountRecovery1763800000920 } from './1763800000920-account-recovery.migration';

/** In order of application; never reorder or edit one that has shipped. */
export const REGISTRATION_MIGRATIONS = [
  MessagingTables1763800000000,
  Timeline1763800000100,
  RegistrationCore1763800000110,
  OutboxEventBatches1763800000900,
  AccountRecovery1763800000920,
];
