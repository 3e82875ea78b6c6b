import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { StaffPage } from './pom/staff-pages';
import { api, eventually, latestMailTo, type OpenPeriod, openPeriod, stack, staffToken, submittedApplicant, tokenIn } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccount } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

const HOUR = 3_600_000;
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
  { key: 'teknis', label: 'Kompetensi teknis', weight: 60 },
  { key: 'komunikasi', label: 'Komunikasi', weight: 40 },
];

/** Sign up and confirm through the API, then start a draft and leave it (applied, never submitted). */
async function draftApplicant(period: OpenPeriod, who: ReturnType<typeof newApplicant>): Promise<string> {
  const { password, ...identity } = who;
  const account = await api<{ id: string }>('registration', 'POST', '/accounts', { json: { ...identity, password, locale: 'id' } });
  await api('registration', 'POST', '/accounts/confirm-email', { json: { token: tokenIn(await latestMailTo(who.email)) } });
  const { accessToken: token } = await api<{ accessToken: string }>('registration', 'POST', '/auth/login', { json: { email: who.email, password } });
  await api('registration', 'POST', '/applications', { token, json: { periodId: period.periodId, formationId: period.formationId } });
  return account.id;
}

/**
 * A small period driven through every service's API: three applicants (one stays a draft, one TMS,
 * one MS who passes SKB, is interviewed by three panelists and placed). Then an admin, signed in
 * through the portal, releases a NIK held by an unconfirmed account, corrects an applicant's birth
 * place, finds the release in the audit trail, and reads the period's funnel and rater statistics.
 */
test('admin releases a NIK, finds it in the audit trail, and reads the period dashboard with the funnel and rater statistics', async ({ page }) => {
  test.setTimeout(300_000);
  const verifier = staffToken(['verifier']);
  const officer = staffToken(['skb-officer']);
  const panelists = [0, 1, 2].map(() => staffToken(['panelist']));
  const placementOfficer = staffToken(['placement-officer']);
  let offset = 0;
  const moveClockTo = (at: number) => {
    offset = Math.max(offset, at - Date.now());
    setClockOffset(offset);
  };

  const period = await openPeriod(`A${Date.now().toString(36)}`, HOUR, RULES);
  const { periodId, formationId, admin } = period;
  // The NIK's owner, and the stranger who signed up with it first and never confirmed.
  const owner = newApplicant(61);
  const { password: squatterPassword, ...squatter } = { ...newApplicant(62), nik: owner.nik };
  const held = await api<{ id: string }>('registration', 'POST', '/accounts', { json: { ...squatter, password: squatterPassword, locale: 'id' } });
  let ownerAccountId = '';
  const drafter = newApplicant(65);
  let drafterId = '';

  try {
    await eventually('screening to register the verifier', () =>
      api('screening', 'POST', `/periods/${periodId}/verifiers`, {
        token: admin.token,
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
        token: admin.token,
        json: {
          periodId,
          name: 'Panel 1',
          members: panelists.map((m, i) => ({ panelistId: m.id, displayName: `Panelis ${i + 1}`, kkNumber: `737101990000002${i}`, chair: i === 0 })),
        },
      }),
    );
    await eventually('interview to hear of the formation', () =>
      api('interview', 'POST', `/panels/${panel.panelId}/formations`, { token: admin.token, json: { formationId } }),
    );
    await api('interview', 'POST', `/formations/${formationId}/rubrics`, {
      token: admin.token,
      json: { criteria: CRITERIA.map((c) => ({ ...c, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${c.label}: tingkat ${level}` })) })) },
    });

    // Three applicants: MS, TMS, and one who only started a draft.
    const passes = await submittedApplicant(period, newApplicant(63), { photo: photo().buffer, diploma: diploma().buffer });
    const fails = await submittedApplicant(period, newApplicant(64), { photo: photo().buffer, diploma: diploma().buffer });
    drafterId = await draftApplicant(period, drafter);
    await eventually('both cases to reach the verifier', async () => {
      const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: verifier.token });
      for (const id of [passes.applicationId, fails.applicationId]) if (!queue.items.some((i) => i.applicationId === id)) throw new Error('not yet');
    });
    await api('screening', 'POST', `/cases/${passes.applicationId}/decision`, { token: verifier.token, json: { result: 'MS' } });
    await api('screening', 'POST', `/cases/${fails.applicationId}/decision`, {
      token: verifier.token,
      json: { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] },
    });
    moveClockTo(period.closesAt.getTime() + 60_000);
    await eventually('the close', () => api('registration', 'POST', `/admin/periods/${periodId}/close`, { token: admin.token }));
    const announcement = await eventually('the announcement', () =>
      api<{ appealFilingClosesAt: string }>('screening', 'POST', `/periods/${periodId}/announcement`, { token: admin.token }),
    );
    moveClockTo(new Date(announcement.appealFilingClosesAt).getTime() + 60_000);
    await eventually('the finalization', () => api('screening', 'POST', `/periods/${periodId}/finalization`, { token: admin.token }));

    // SKB: the one participant seated, scored and finalized (P/L).
    await eventually('the SKB participant', async () => {
      const allocation = await api<{ participants: number }>('skb', 'POST', `/periods/${periodId}/allocation`, { token: officer.token });
      if (allocation.participants !== 1) throw new Error(`${allocation.participants} participants`);
    });
    const [seat] = await api<{ participantNumber: string }[]>('skb', 'GET', `/periods/${periodId}/allocation`, { token: officer.token });
    await api('skb', 'POST', `/periods/${periodId}/allocation/publish`, { token: officer.token });
    const csv = await fetch(`${stack().services.skb}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/csv' },
      body: ['participant_number,component,score', `${seat.participantNumber},cat,400`].join('\r\n'),
    });
    expect(csv.status, await csv.text()).toBeLessThan(300);
    await api('skb', 'PUT', `/periods/${periodId}/participants/${seat.participantNumber}/scores/practical`, { token: officer.token, json: { score: 85 } });
    await api('skb', 'POST', `/periods/${periodId}/finalize`, { token: officer.token });

    // The interview: three panelists score (one more lenient), the chair finalizes.
    const path = `/panelist/panels/${panel.panelId}/candidates/${encodeURIComponent(seat.participantNumber)}`;
    await eventually(
      'the candidate on the panel',
      async () => {
        const listed = await api<{ participantNumber: string }[]>('interview', 'GET', '/panelist/candidates', { token: panelists[0].token });
        if (!listed.some((c) => c.participantNumber === seat.participantNumber)) throw new Error('not assigned yet');
      },
      90_000,
    );
    for (const [i, member] of panelists.entries()) {
      const scores = CRITERIA.map((c) => ({ criterion: c.key, value: i === 2 ? 5 : 4, justification: `Penilaian ${c.label.toLowerCase()} sesuai rubrik.` }));
      await api('interview', 'PUT', `${path}/sheet`, { token: member.token, json: { scores } });
      await api('interview', 'POST', `${path}/sheet/submit`, { token: member.token });
    }
    await api('interview', 'POST', `${path}/finalize`, { token: panelists[0].token });
    // The admin hands the period's interviews on to placement (refused while skb's closing count is in flight).
    await eventually('interview to complete the period', () => api('interview', 'POST', `/periods/${periodId}/completion`, { token: admin.token }), 90_000);

    // Placement: ranked, proposed, confirmed.
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
  } finally {
    setClockOffset(0);
  }

  // The admin signs in through the portal.
  const adminAccount = staffAccount(['admin'], 'Admin Pengawas');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(adminAccount.email, adminAccount.password);
  const staff = new StaffPage(page);
  await staff.expectHeading('Ruang kerja admin');
  const oversight = page.getByRole('navigation', { name: 'Pengawasan admin' });

  // The NIK release: the reason and the evidence are required; the result and its audit entry are shown.
  await oversight.getByRole('link', { name: 'Pelepasan NIK dan koreksi identitas' }).click();
  await staff.expectHeading('Pelepasan NIK dan koreksi identitas');
  await staff.expectNoAxeViolations();
  const release = page.getByRole('form', { name: 'Lepaskan NIK' });
  await release.getByLabel('NIK yang dilepaskan (16 angka)').fill(owner.nik);
  await release.getByRole('button', { name: 'Lepaskan NIK' }).click();
  await expect(release.getByRole('alert')).toContainText('Tulis alasannya.');
  await expect(release.getByRole('alert')).toContainText('Tulis di mana buktinya disimpan.');
  await release.getByLabel('Alasan').fill('Pemilik NIK hadir di loket BKPSDM; akun dibuat orang lain.');
  await release.getByLabel('Bukti').fill('BA-2026/117');
  await release.getByRole('button', { name: 'Lepaskan NIK' }).click();
  const released = page.getByRole('status').filter({ hasText: 'NIK dilepaskan' });
  await expect(released).toContainText(held.id);
  const entry = released.getByRole('table', { name: 'Jejak audit akun ini' }).getByRole('row').nth(1);
  await expect(entry).toContainText('NIK dilepaskan');
  await expect(entry).toContainText('Pemilik NIK hadir di loket BKPSDM; akun dibuat orang lain. (BA-2026/117)');
  await expect(entry).toContainText(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/);
  await staff.expectNoAxeViolations();
  // Releasing it again says no account holds it, in the catalogue's words.
  await release.getByLabel('NIK yang dilepaskan (16 angka)').fill(owner.nik);
  await release.getByLabel('Alasan').fill('dua kali');
  await release.getByLabel('Bukti').fill('BA-2026/117');
  await release.getByRole('button', { name: 'Lepaskan NIK' }).click();
  await expect(release.getByRole('alert')).toContainText('Tidak ada akun terbuka yang memegang NIK ini.');
  // The owner can now sign up with their own NIK.
  const { password: ownerPassword, ...ownerIdentity } = owner;
  ownerAccountId = (await api<{ id: string }>('registration', 'POST', '/accounts', { json: { ...ownerIdentity, password: ownerPassword, locale: 'id' } })).id;
  expect(ownerAccountId).not.toBe(held.id);

  // An identity correction, with each field before and after in its audit entry.
  const correct = page.getByRole('form', { name: 'Koreksi data identitas' });
  await correct.getByLabel('ID akun').fill(drafterId);
  await correct.getByLabel('Tempat lahir').fill('Kota Contoh Baru');
  await correct.getByLabel('Alasan').fill('Salah ketik tempat lahir; KTP diperiksa.');
  await correct.getByRole('button', { name: 'Simpan koreksi' }).click();
  const corrected = page.getByRole('status').filter({ hasText: 'Data identitas dikoreksi' });
  await expect(corrected.getByRole('row').nth(1)).toContainText(`Tempat lahir: ${drafter.placeOfBirth} → Kota Contoh Baru`);
  await staff.expectNoAxeViolations();

  // The audit trail: the release found by action and subject.
  await oversight.getByRole('link', { name: 'Jejak audit' }).click();
  await staff.expectHeading('Jejak audit');
  await staff.expectNoAxeViolations();
  await page.getByLabel('Layanan').selectOption('registration');
  await page.getByLabel('Tindakan').selectOption({ label: 'NIK dilepaskan' });
  await page.getByLabel('Subjek').fill(held.id);
  await page.getByRole('button', { name: 'Cari di jejak audit' }).click();
  const results = page.getByRole('table', { name: /Catatan audit, terlama lebih dulu/ });
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(results.getByRole('row').nth(1)).toContainText('NIK dilepaskan');
  await expect(results.getByRole('row').nth(1)).toContainText('Pemilik NIK hadir di loket BKPSDM');
  await expect(results.getByRole('row').nth(1)).toContainText(adminAccount.id);
  await expect(page).toHaveURL(/source=registration/);
  await staff.expectNoAxeViolations();
  // Interview keeps its own log of staff views of candidates: the chair's list of candidates is in it.
  await page.getByLabel('Layanan').selectOption('interview');
  await page.getByLabel('Pelaku').fill(panelists[0].id);
  await page.getByLabel('Tindakan').selectOption({ label: 'Daftar peserta wawancara dilihat' });
  await page.getByLabel('Subjek').fill('');
  await page.getByRole('button', { name: 'Cari di jejak audit' }).click();
  await expect(results.getByRole('row').nth(1)).toContainText('Daftar peserta wawancara dilihat');
  await expect(results.getByRole('row').nth(1)).toContainText('panelist');
  await staff.expectNoAxeViolations();

  // The period's dashboard: the funnel per formation, counted by each service, and the raters.
  await oversight.getByRole('link', { name: 'Dasbor periode' }).click();
  await staff.expectHeading('Dasbor periode');
  await staff.expectNoAxeViolations();
  await page.getByRole('link', { name: new RegExp(`Dasbor ${period.code}`) }).click();
  await staff.expectHeading(`Dasbor periode ${period.code}`);
  const funnel = page.getByRole('table', { name: 'Jumlah pelamar di setiap tahap, per formasi' });
  await expect(funnel.getByRole('row', { name: /PK-AP/ }).getByRole('cell')).toHaveText(['3', '2', '1', '1', '1', '1']);
  await expect(page.getByRole('img', { name: /Corong formasi PK-AP/ })).toBeVisible();
  const raters = page.getByRole('table', { name: 'Statistik per panelis' });
  await expect(raters.getByRole('row')).toHaveCount(4);
  // Panelis 3 gave 5 where the others gave 4: above the panel's mean of 4⅓ by ⅔.
  await expect(raters.getByRole('row', { name: /Panelis 3/ }).getByRole('cell')).toHaveText(['1', '+0,67', '0', '0%']);
  await expect(raters.getByRole('row', { name: /Panelis 1/ }).getByRole('cell')).toHaveText(['1', /^[-−]0,33$/, '0', '0%']);
  await expect(page.getByRole('img', { name: /Kemurahan/ })).toBeVisible();
  await staff.expectNoAxeViolations();
  await staff.documentScreenshot('workspace-admin-dashboard');

  // The same dashboard in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: 'Applicants at each stage, per formation' }).getByRole('columnheader')).toHaveText([
    'Formation',
    'Applied',
    'Submitted',
    'MS',
    'SKB P/L',
    'Interviewed',
    'Placed',
  ]);
  await expect(page.getByRole('img', { name: /Leniency/ })).toBeVisible();
  await staff.expectNoAxeViolations();
});
