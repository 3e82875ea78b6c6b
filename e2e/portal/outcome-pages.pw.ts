import { expect, test } from '@playwright/test';
import { SimplePage } from './pom/progress-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, eventually, openPeriod, stack, staffToken, submittedApplicant } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';

const HOUR = 3_600_000;

/** The period's rules for the later stages: two SKB components, the stage weights, the interview scale. */
const RULES = {
  stageWeights: { skb: 60, interview: 40 },
  tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
  skb: {
    components: [
      { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
      { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
    ],
    totalPassingGrade: 60,
    proceedFactor: 3,
    disabilityExtraMinutes: 30,
  },
  interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 },
  placement: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: '2027-03-01' },
};
const CRITERIA = [
  { key: 'teknis', label: 'Kompetensi teknis', weight: 50 },
  { key: 'komunikasi', label: 'Komunikasi', weight: 30 },
  { key: 'integritas', label: 'Integritas', weight: 20 },
];

/**
 * The pages at the end of the road, with real data: the staff of each stage act through the APIs
 * (screening finalized MS, SKB seats published, scores imported and finalized, the interview scored
 * and finalized, placement ranked, proposed, confirmed and announced), the services' clock moved past
 * each deadline; the applicant reads the exam card, the SKB result and the outcome with its score
 * explained, and declines with a confirmation step.
 */
test('exam card, SKB result and final outcome with real data after staff actions through the APIs, then the decline with its confirmation', async ({
  page,
}) => {
  const admin = staffToken(['admin']);
  const verifier = staffToken(['verifier']);
  const officer = staffToken(['skb-officer']);
  const panelists = [0, 1, 2].map(() => staffToken(['panelist']));
  const placementOfficer = staffToken(['placement-officer']);
  let offset = 0;
  const moveClockTo = (at: number) => {
    offset = Math.max(offset, at - Date.now());
    setClockOffset(offset);
  };

  try {
    const period = await openPeriod(`O${Date.now().toString(36)}`, HOUR, RULES);
    const { periodId, formationId } = period;
    await eventually('screening to register the verifier', () =>
      api('screening', 'POST', `/periods/${periodId}/verifiers`, {
        token: period.admin.token,
        json: { accountId: verifier.id, name: 'Verifikator Satu', kkNumber: '7371019900000001' },
      }),
    );
    await eventually('skb to take the venue', () =>
      api('skb', 'POST', `/periods/${periodId}/venues`, {
        token: officer.token,
        json: { name: 'UPT CAT Kota Contoh', address: 'Jl. Merdeka No. 1', rooms: [{ name: 'Ruang 1', capacity: 20 }] },
      }),
    );
    await api('skb', 'POST', `/periods/${periodId}/sessions`, {
      token: officer.token,
      json: { name: 'Sesi 1', date: '2027-01-11', startTime: '08:00', durationMinutes: 100 },
    });
    const panel = await eventually('interview to take the panel', () =>
      api<{ panelId: string }>('interview', 'POST', '/panels', {
        token: period.admin.token,
        json: {
          periodId,
          name: 'Panel 1',
          members: panelists.map((m, i) => ({ panelistId: m.id, displayName: `Panelis ${i + 1}`, kkNumber: `737101990000001${i}`, chair: i === 0 })),
        },
      }),
    );
    await eventually('interview to hear of the formation', () =>
      api('interview', 'POST', `/panels/${panel.panelId}/formations`, { token: period.admin.token, json: { formationId } }),
    );
    await api('interview', 'POST', `/formations/${formationId}/rubrics`, {
      token: period.admin.token,
      json: { criteria: CRITERIA.map((c) => ({ ...c, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${c.label}: tingkat ${level}` })) })) },
    });

    // One applicant, MS: decided, announced, the appeal window over, finalized.
    const who = newApplicant(5);
    const { applicationId } = await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer });
    await eventually('the case to reach the verifier', async () => {
      const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: verifier.token });
      if (!queue.items.some((i) => i.applicationId === applicationId)) throw new Error('not in the queue yet');
    });
    await api('screening', 'POST', `/cases/${applicationId}/decision`, { token: verifier.token, json: { result: 'MS' } });
    moveClockTo(period.closesAt.getTime() + 60_000);
    // Registration's close hands the counted submissions over; screening announces only once it holds them all.
    await eventually('the close', () => api('registration', 'POST', `/admin/periods/${periodId}/close`, { token: period.admin.token }));
    const announcement = await eventually('the announcement', () =>
      api<{ appealFilingClosesAt: string }>('screening', 'POST', `/periods/${periodId}/announcement`, { token: period.admin.token }),
    );
    moveClockTo(new Date(announcement.appealFilingClosesAt).getTime() + 60_000);
    await eventually('the finalization', () => api('screening', 'POST', `/periods/${periodId}/finalization`, { token: admin.token }));

    // SKB: the seat allocated and published.
    await eventually('the SKB participant', async () => {
      const allocation = await api<{ participants: number }>('skb', 'POST', `/periods/${periodId}/allocation`, { token: officer.token });
      if (allocation.participants !== 1) throw new Error(`${allocation.participants} participants`);
    });
    const [seat] = await api<{ participantNumber: string }[]>('skb', 'GET', `/periods/${periodId}/allocation`, { token: officer.token });
    await api('skb', 'POST', `/periods/${periodId}/allocation/publish`, { token: officer.token });

    const signIn = new SignInPage(page);
    const pages = new SimplePage(page);
    await signIn.open(`/applications/${applicationId}/exam-card`);
    await signIn.signIn(who.email, who.password);
    await expect(pages.heading()).toHaveText('Kartu ujian SKB');
    const card = page.getByTestId('exam-card');
    await expect(card).toContainText(seat.participantNumber);
    await expect(card).toContainText('Sesi 1');
    await expect(card).toContainText('11 Januari 2027, 08:00 WIB');
    await expect(card).toContainText('UPT CAT Kota Contoh, Jl. Merdeka No. 1');
    await expect(card).toContainText('Ruang 1, kursi 1');
    await expect(page.getByRole('button', { name: 'Unduh kartu ujian (PDF)' })).toBeVisible();
    await pages.expectNoAxeViolations();
    await pages.screenshot('09-exam-card');

    // SKB scores: the CAT file imported, the practical score entered, the results finalized.
    const csv = await fetch(`${stack().services.skb}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/csv' },
      body: ['participant_number,component,score', `${seat.participantNumber},cat,400`].join('\r\n'),
    });
    expect(csv.status, await csv.text()).toBeLessThan(300);
    await api('skb', 'PUT', `/periods/${periodId}/participants/${seat.participantNumber}/scores/practical`, { token: officer.token, json: { score: 85 } });
    await api('skb', 'POST', `/periods/${periodId}/finalize`, { token: officer.token });

    await expect(async () => {
      await pages.open(`/applications/${applicationId}/skb-result`);
      await expect(page.getByText('Lulus dan lanjut (P/L)')).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await expect(pages.heading()).toHaveText('Hasil SKB');
    await expect(page.getByRole('row', { name: /CAT/ })).toContainText('400');
    await expect(page.getByRole('row', { name: /Tes praktik/ })).toContainText('85');
    await expect(page.getByRole('row', { name: /Total/ })).toContainText('82');
    await expect(page.getByText('Anda lanjut ke tahap wawancara.')).toBeVisible();
    await pages.expectNoAxeViolations();
    await pages.screenshot('10-skb-result');

    // The interview: every member scores blind and submits; the chair finalizes.
    const path = `/panelist/panels/${panel.panelId}/candidates/${encodeURIComponent(seat.participantNumber)}`;
    await eventually(
      'the candidate on the panel',
      async () => {
        const listed = await api<{ participantNumber: string }[]>('interview', 'GET', '/panelist/candidates', { token: panelists[0].token });
        if (!listed.some((c) => c.participantNumber === seat.participantNumber)) throw new Error('not assigned yet');
      },
      90_000,
    );
    for (const member of panelists) {
      const scores = CRITERIA.map((c) => ({ criterion: c.key, value: 4, justification: `Penilaian ${c.label.toLowerCase()} sesuai rubrik.` }));
      await api('interview', 'PUT', `${path}/sheet`, { token: member.token, json: { scores } });
      await api('interview', 'POST', `${path}/sheet/submit`, { token: member.token });
    }
    await api('interview', 'POST', `${path}/finalize`, { token: panelists[0].token });
    // The admin hands the period's interviews on to placement (refused while skb's closing count is in flight).
    await eventually('interview to complete the period', () => api('interview', 'POST', `/periods/${periodId}/completion`, { token: admin.token }), 90_000);

    // Placement: ranked, proposed, confirmed, announced.
    await eventually(
      'the ranking with the interview result',
      async () => {
        const rankings = await api<{ ranked: number }>('placement', 'POST', `/periods/${periodId}/rankings`, { token: placementOfficer.token });
        if (rankings.ranked !== 1) throw new Error(`${rankings.ranked} ranked`);
      },
      90_000,
    );
    await api('placement', 'POST', `/periods/${periodId}/proposal`, { token: placementOfficer.token });
    await api('placement', 'POST', `/periods/${periodId}/confirmation`, { token: placementOfficer.token });
    await api('placement', 'POST', `/periods/${periodId}/announcement`, { token: admin.token });

    await pages.open(`/applications/${applicationId}/outcome`);
    await expect(page.getByText('Selamat, Anda diterima')).toBeVisible();
    await expect(page.getByText('Penempatan pada formasi yang dilamar')).toBeVisible();
    const explanation = page.getByRole('table', { name: 'Cara nilai akhir dihitung' });
    // SKB 82 (CAT 400 of 500 at 60 %, practical 85 at 40 %) weighs 60 %; the interview, 4 of 1–5 everywhere (75), 40 %.
    await expect(explanation.getByRole('row', { name: /SKB/ })).toHaveText(/SKB\s*82\s*60%\s*49,2/);
    await expect(explanation.getByRole('row', { name: /Wawancara/ })).toHaveText(/Wawancara\s*75\s*40%\s*30/);
    await expect(explanation.getByRole('row', { name: /Nilai akhir/ })).toHaveText(/Nilai akhir\s*79,2/);
    await expect(page.getByText('Peringkat 1 di formasi Anda.')).toBeVisible();
    await expect(page.getByText('Lapor diri pada 1 Maret 2027.')).toBeVisible();
    // The table fits the phone: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await pages.expectNoAxeViolations();
    await pages.screenshot('11-outcome');

    // The decline asks first, refuses an empty reason, and says what it did.
    await page.getByRole('button', { name: 'Tolak penempatan' }).click();
    await expect(page.getByRole('heading', { name: 'Yakin menolak penempatan?' })).toBeVisible();
    await expect(page.getByText('Penolakan tidak dapat dibatalkan.', { exact: false })).toBeVisible();
    await pages.expectNoAxeViolations();
    await page.getByRole('button', { name: 'Ya, tolak penempatan' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Tulis alasan Anda menolak.');
    await page.getByLabel('Alasan menolak').fill('Diterima di instansi lain.');
    await page.getByRole('button', { name: 'Ya, tolak penempatan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Penolakan Anda tercatat.' })).toBeVisible();
    await expect(page.getByText('Anda menolak penempatan')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tolak penempatan' })).toHaveCount(0);
    await pages.expectNoAxeViolations();
    await page.reload();
    await expect(page.getByText('Anda menolak penempatan')).toBeVisible();
    await pages.expectNoAxeViolations();
    await pages.screenshot('12-outcome-declined');
  } finally {
    setClockOffset(0);
  }
});
