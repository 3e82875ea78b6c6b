/** Where a service's database lives and who it connects as; read once at boot by the service config. */
export interface DatabaseSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  /** The service's own schema; the role's search_path and the migrations table live there. */
  schema: string;
  poolSize: number;
}

/** The role a service logs in as: one per service, able to use only its own schema. */
export function serviceRoleName(schema: string): string {
  return `seleksi_${schema}`;
}
