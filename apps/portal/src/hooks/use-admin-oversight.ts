import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { interview, placement, registration, screening, skb } from '../api/clients';
import { ApiError, unwrap } from '../api/errors';
import { useAdminPeriods } from './use-admin-periods';

/** Where an audit entry is kept: each service has its own log, searched through its own route. */
export type AuditSource = 'registration' | 'screening' | 'interview';

export interface AuditFilter {
  source: AuditSource;
  actorId?: string;
  action?: string;
  subject?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

/** One audit entry, in the shape the page shows whichever service kept it. */
export interface AuditItem {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

const PAGE_SIZE = 25;

async function auditPage(filter: AuditFilter, cursor: string | undefined): Promise<AuditPage> {
  const common = { actorId: filter.actorId, from: filter.from, to: filter.to, cursor, limit: PAGE_SIZE };
  if (filter.source === 'registration') {
    const page = unwrap(await registration.GET('/admin/audit', { params: { query: { ...common, action: filter.action, subject: filter.subject } } }));
    return page;
  }
  if (filter.source === 'interview') {
    const page = unwrap(
      await interview.GET('/admin/view-log', {
        params: {
          query: {
            viewerId: filter.actorId,
            action: filter.action as never,
            applicationId: filter.subject,
            from: filter.from,
            to: filter.to,
            cursor,
            limit: PAGE_SIZE,
          },
        },
      }),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((e) => ({
        id: e.id,
        at: e.at,
        actorId: e.viewerId,
        action: e.action,
        subject: e.applicationIds.join(', '),
        details: { viewerRole: e.viewerRole, ...(e.panelId ? { panelId: e.panelId } : {}) },
      })),
    };
  }
  const page = unwrap(
    await screening.GET('/audit', {
      params: { query: { ...common, action: filter.action as never, applicationId: filter.subject } },
    }),
  );
  return { nextCursor: page.nextCursor, items: page.items.map((e) => ({ ...e, subject: e.applicationId ?? e.periodId })) };
}

/** One keyset page of a service's audit log; the previous page stays shown while the next loads. */
export function useAuditPage(filter: AuditFilter | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', filter, cursor],
    queryFn: () => auditPage(filter!, cursor),
    enabled: filter !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Free a NIK held by another account (its owner proved identity); audited. */
export function useReleaseNik() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { nik: string; reason: string; evidence: string }) => unwrap(await registration.POST('/admin/accounts/release-nik', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'audit'] }),
  });
}

/** Correct an applicant's identity data with a reason; audited with each field before and after. */
export function useCorrectIdentity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      accountId,
      ...body
    }: {
      accountId: string;
      reason: string;
      fullName?: string;
      birthDate?: string;
      birthPlace?: string;
      gender?: 'F' | 'M';
    }) => unwrap(await registration.PATCH('/admin/accounts/{accountId}/identity', { params: { path: { accountId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'audit'] }),
  });
}

/** The audit entries of one account (what the release or the correction just recorded). */
export function useAccountAudit(accountId: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', 'account', accountId],
    queryFn: async () => unwrap(await registration.GET('/admin/accounts/audit', { params: { query: { accountId } } })),
    enabled: accountId !== undefined,
  });
}

/** A service that has not heard of the period yet has nothing to count: an empty answer, not an error. */
async function orEmpty<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/**
 * The period's funnel, each step from the service that owns it (the portal combines; no service
 * reads another's data): registration (applied, submitted), screening (MS), skb (P/L), interview
 * (interviewed), placement (placed).
 */
export function usePeriodFunnel(periodId: string) {
  const path = { params: { path: { periodId } } };
  const byPeriod = { params: { query: { periodId } } };
  const results = useQueries({
    queries: [
      {
        queryKey: ['admin', 'funnel', periodId, 'registration'],
        queryFn: async () => unwrap(await registration.GET('/admin/periods/{periodId}/application-counts', path)),
      },
      {
        queryKey: ['admin', 'funnel', periodId, 'screening'],
        queryFn: () => orEmpty(async () => unwrap(await screening.GET('/periods/{periodId}/reconciliation', path)).formations),
      },
      { queryKey: ['admin', 'funnel', periodId, 'skb'], queryFn: async () => unwrap(await skb.GET('/admin/periods/{periodId}/outcome-counts', path)) },
      {
        queryKey: ['admin', 'funnel', periodId, 'interview'],
        queryFn: () => orEmpty(async () => unwrap(await interview.GET('/admin/interview-counts', byPeriod))),
      },
      {
        queryKey: ['admin', 'funnel', periodId, 'placement'],
        queryFn: () => orEmpty(async () => unwrap(await placement.GET('/periods/{periodId}/report', path))),
      },
    ],
  });
  const [applications, screened, skbOutcomes, interviews, placements] = results;
  const failed = results.some((r) => r.isError);
  const pending = results.some((r) => r.isPending);
  if (pending || failed || !applications.data) return { pending, failed, rows: undefined };
  const count = <T extends { formationId: string }>(rows: T[] | undefined, formationId: string, pick: (row: T) => number) => {
    const row = rows?.find((r) => r.formationId === formationId);
    return row ? pick(row) : 0;
  };
  const rows = applications.data.map((f) => ({
    formationId: f.formationId,
    code: f.code,
    steps: {
      applied: f.applied,
      submitted: f.submitted,
      ms: count(screened.data, f.formationId, (r) => r.eligible),
      skbProceeded: count(skbOutcomes.data, f.formationId, (r) => r.proceeded),
      interviewed: count(interviews.data, f.formationId, (r) => r.interviewed),
      placed: count(placements.data, f.formationId, (r) => r.placed),
    },
  }));
  return { pending: false, failed: false, rows };
}

export const FUNNEL_STEPS = ['applied', 'submitted', 'ms', 'skbProceeded', 'interviewed', 'placed'] as const;

/** Each panelist's leniency (mean deviation from the panel), spread of own scores and disagreement. */
export function useRaterStatistics(periodId: string) {
  return useQuery({
    queryKey: ['admin', 'rater-statistics', periodId],
    queryFn: () => orEmpty(async () => unwrap(await interview.GET('/admin/rater-statistics', { params: { query: { periodId } } }))),
  });
}

/** The agency's zone (its periods share it), for times that belong to no one period (the audit log). */
export function useAgencyZone(): string {
  return useAdminPeriods().data?.[0]?.timeZone ?? 'WIB';
}
