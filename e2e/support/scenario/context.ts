import { ServiceName } from '@seleksi/contracts';
import { connectAsService, testKeys } from '@seleksi/testing';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Pipeline } from '../pipeline';
import { call } from './http';
import { ApplicantSpec, FormationKey, ScenarioInputs } from './inputs';
import type { ScenarioHooks, ScenarioPhase } from './index';

export interface StaffMember {
  id: string;
  token: string;
}

/** What the driver learns about one applicant as it goes: their session and the ids the system gave them. */
export interface Person {
  spec: ApplicantSpec;
  accountId?: string;
  token?: string;
  tokenAt?: number;
  applicationId?: string;
  participantNumber?: string;
}

export const PASSWORD = 'rahasia-Seleksi-2026';
const STAFF_TOKEN_SECONDS = 4 * 3600;
const APPLICANT_TOKEN_REFRESH_MS = 10 * 60_000;

function staff(roles: Parameters<ReturnType<typeof testKeys>['mint']>[1]): StaffMember {
  const id = randomUUID();
  return { id, token: testKeys().mint(id, roles, STAFF_TOKEN_SECONDS) };
}

export class ScenarioContext {
  readonly admin = staff(['admin']);
  readonly verifiers = [staff(['verifier']), staff(['verifier'])];
  readonly skbOfficer = staff(['skb-officer']);
  readonly panelists = [0, 1].map(() => [0, 1, 2, 3].map(() => staff(['panelist'])));
  readonly officers = [staff(['placement-officer']), staff(['placement-officer'])];
  readonly people: Person[];
  periodId = '';
  formationIds = {} as Record<FormationKey, string>;
  panelIds: string[] = [];
  /** Which verifier decided each case, by application id, so appeals can be checked to go to another. */
  readonly decidedBy = new Map<string, string>();
  registrationClosesAt = new Date(0);
  appealFilingClosesAt = new Date(0);
  private turn = 0;
  private readonly dbs = new Map<ServiceName, Promise<DataSource>>();

  constructor(
    readonly pipeline: Pipeline,
    readonly inputs: ScenarioInputs,
    readonly hooks: ScenarioHooks,
    readonly log: (line: string) => void,
    /** How long a phase waits for its effects downstream. */
    readonly effectTimeoutMs = 120_000,
  ) {
    this.people = inputs.applicants.map((spec) => ({ spec }));
  }

  /** An instance of the service, taking turns when it runs several, as a load balancer would. */
  url(service: ServiceName): string {
    const count = this.pipeline.processes(service).length;
    this.turn += 1;
    return this.pipeline.url(service, this.turn % count);
  }

  formationKeyOf(formationId: string): FormationKey {
    const key = (Object.keys(this.formationIds) as FormationKey[]).find((k) => this.formationIds[k] === formationId);
    if (!key) throw new Error(`formation ${formationId} is not one of the scenario's`);
    return key;
  }

  personByApplication(applicationId: string): Person {
    const person = this.people.find((p) => p.applicationId === applicationId);
    if (!person) throw new Error(`application ${applicationId} is not one of the scenario's applicants`);
    return person;
  }

  /** The applicant's access token, signing in again when it is old (access tokens live 15 minutes). */
  async tokenOf(person: Person): Promise<string> {
    if (!person.token || Date.now() - (person.tokenAt ?? 0) > APPLICANT_TOKEN_REFRESH_MS) {
      const login = await call(this.url('registration'), 'POST', '/auth/login', { json: { email: person.spec.identity.email, password: PASSWORD } });
      if (login.status !== 200 && login.status !== 201)
        throw new Error(`login of ${person.spec.identity.email} answered ${login.status}: ${JSON.stringify(login.body)}`);
      person.token = login.body.accessToken as string;
      person.tokenAt = Date.now();
    }
    return person.token;
  }

  /** The service's own schema, as its own role: for waiting on effects and for the exactly-once checks. */
  db(service: ServiceName): Promise<DataSource> {
    let db = this.dbs.get(service);
    if (!db) {
      db = connectAsService(service, [], 2);
      this.dbs.set(service, db);
    }
    return db;
  }

  async count(service: ServiceName, sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await (await this.db(service)).query(sql, params);
    return Number(row.n);
  }

  async close(): Promise<void> {
    await Promise.all([...this.dbs.values()].map(async (db) => (await db).destroy()));
    this.dbs.clear();
  }

  async afterActions(phase: ScenarioPhase): Promise<void> {
    this.log(`${phase}: actions accepted`);
    await this.hooks.afterActions?.(phase, this.pipeline);
  }

  async afterPhase(phase: ScenarioPhase): Promise<void> {
    this.log(`${phase}: effects observed`);
    await this.hooks.afterPhase?.(phase, this.pipeline);
  }
}
