import { Role } from './roles';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  /** Account id (UUID). */
  id: string;
  roles: Role[];
  tokenId: string;
}
