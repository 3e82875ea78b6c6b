import { expect, type Page, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { PanelistCandidatePage, PanelistCandidatesPage } from './pom/staff-pages';
import { api, eventually, openPeriod, stack, staffToken, submittedApplicant } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';
import { type StaffAccount, staffAccounts } from './support/staff';

const HOUR = 3_600_000;

test.use({ viewport: { width: 1280, height: 900 } });

/** The period's rules for the later stages; the interview on a 1–5 scale with a calibration threshold of 2. */
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
const PANELISTS = ['Ketua Panel Wawancara', 'Anggota Panel Dua', 'Anggota Panel Tiga', 'Anggota Panel Empat'];

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every way the pages or the APIs could spell what identifies an applicant: name, NIK, KK, birth date (ISO, d-m-Y, written out). */
function identifying(who: { fullName: string; nik: string; kkNumber: string; dateOfBirth: string }): string[] {
  const [y, m, d] = who.dateOfBirth.split('-');
  const day = String(Number(d));
  return [
    who.fullName,
    who.nik,
    who.kkNumber,
    who.dateOfBirth,
    `${d}-${m}-${y}`,
    `${d}/${m}/${y}`,
    `${day} ${MONTHS[Number(m) - 1]} ${y}`,
    `${day} ${MONTHS_EN[Number(m) - 1]} ${y}`,
  ];
}

/** Reads every response the page receives (bodies included), so that a test can say none carried a secret. */
function recordResponses(page: Page) {
  const seen: Promise<{ url: string; contentType: string; text: string }>[] = [];
  page.on('response', (response) => {
    seen.push(
      response
        .body()
        .then((body) => ({ url: response.url(), contentType: response.headers()['content-type'] ?? '', text: body.toString('utf8') }))
        .catch(() => ({ url: response.url(), contentType: response.headers()['content-type'] ?? '', text: '' })),
    );
  });
  return async () => Promise.all(seen);
}

/**
 * The panelist's main path in the browser. A period is driven through the APIs up to the interview
 * (two candidates); a fourth member declares a conflict for both (recused, they no longer see them);
 * three panelists then sign in through the portal and score blind: the second and
 * third members score the first candidate (one far apart on a criterion), the chair sees nobody's
 * scores until their own sheet is in, then calibrates the disagreement and finalizes; the result is
 * read back after a reload. The chair marks the second candidate absent, with the reason the service
 * asks for once a sheet is in. axe runs on every panelist page; the DOM and every response the pages
 * received are searched for the applicants' names, NIKs, KKs and birth dates.
 */
test('three panelists score blind by participant number only, the chair calibrates and finalizes; no applicant identity reaches the pages', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const verifier = staffToken(['verifier']);
  const officer = staffToken(['skb-officer']);
  const accounts: StaffAccount[] = await staffAccounts(
    PANELISTS.map(() => ['panelist']),
    'Panelis Wawancara',
  );
  const [chair, second, third, fourth] = accounts;
  let offset = 0;
  const moveClockTo = (at: number) => {
    offset = Math.max(offset, at - Date.now());
    setClockOffset(offset);
  };
  const applicants = [newApplicant(31), newApplicant(32)];
  const secrets = applicants.flatMap(identifying);
  const dom: { url: string; html: string }[] = [];
  const responses = recordResponses(page);

  try {
    // ---- Set-up through the APIs: a period up to the interview, with two candidates on one panel.
    const period = await openPeriod(`P${Date.now().toString(36)}`, HOUR, RULES);
    const { periodId, formationId } = period;
    await eventually('screening to register the verifier', () =>
      api('screening', 'POST', `/periods/${periodId}/verifiers`, {
        token: period.admin.token,
        json: { accountId: verifier.id, name: 'Verifikator Panel', kkNumber: '7371019900000101' },
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
          name: 'Panel Wawancara 1',
          members: accounts.map((m, i) => ({ panelistId: m.id, displayName: PANELISTS[i], kkNumber: `737101990000011${i}`, chair: i === 0 })),
        },
      }),
    );
    await eventually('interview to hear of the formation', () =>
      api('interview', 'POST', `/panels/${panel.panelId}/formations`, { token: period.admin.token, json: { formationId } }),
    );
    await api('interview', 'POST', `/formations/${formationId}/rubrics`, {
      token: period.admin.token,
      json: {
        criteria: CRITERIA.map((c) => ({
          ...c,
          anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${c.label} tingkat ${level}: uraian jangkar` })),
        })),
      },
    });

    const submitted = [];
    for (const who of applicants) submitted.push(await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer }));
    for (const { applicationId } of submitted) {
      await eventually('the case to reach the verifier', async () => {
        const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: verifier.token });
        if (!queue.items.some((i) => i.applicationId === applicationId)) throw new Error('not in the queue yet');
      });
      await api('screening', 'POST', `/cases/${applicationId}/decision`, { token: verifier.token, json: { result: 'MS' } });
    }
    moveClockTo(period.closesAt.getTime() + 60_000);
    await eventually('the close', () => api('registration', 'POST', `/admin/periods/${periodId}/close`, { token: period.admin.token }));
    const announcement = await eventually('the announcement', () =>
      api<{ appealFilingClosesAt: string }>('screening', 'POST', `/periods/${periodId}/announcement`, { token: period.admin.token }),
    );
    moveClockTo(new Date(announcement.appealFilingClosesAt).getTime() + 60_000);
    await eventually('the finalization', () => api('screening', 'POST', `/periods/${periodId}/finalization`, { token: period.admin.token }));

    await eventually('the SKB participants', async () => {
      const allocation = await api<{ participants: number }>('skb', 'POST', `/periods/${periodId}/allocation`, { token: officer.token });
      if (allocation.participants !== 2) throw new Error(`${allocation.participants} participants`);
    });
    const seats = await api<{ participantNumber: string }[]>('skb', 'GET', `/periods/${periodId}/allocation`, { token: officer.token });
    await api('skb', 'POST', `/periods/${periodId}/allocation/publish`, { token: officer.token });
    const csv = await fetch(`${stack().services.skb}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/csv' },
      body: ['participant_number,component,score', ...seats.map((s) => `${s.participantNumber},cat,400`)].join('\r\n'),
    });
    expect(csv.status, await csv.text()).toBeLessThan(300);
    for (const s of seats) {
      await api('skb', 'PUT', `/periods/${periodId}/participants/${s.participantNumber}/scores/practical`, { token: officer.token, json: { score: 85 } });
    }
    await api('skb', 'POST', `/periods/${periodId}/finalize`, { token: officer.token });
    const [first, other] = seats.map((s) => s.participantNumber).sort();
    const chairToken = staffToken(['panelist'], chair.id);
    await eventually(
      'both candidates on the panel',
      async () => {
        const listed = await api<{ participantNumber: string }[]>('interview', 'GET', '/panelist/candidates', { token: chairToken.token });
        if (![first, other].every((pn) => listed.some((c) => c.participantNumber === pn))) throw new Error('not assigned yet');
      },
      90_000,
    );

    // ---- In the browser.
    const signIn = new SignInPage(page);
    const list = new PanelistCandidatesPage(page);
    const sheet = new PanelistCandidatePage(page);
    const snapshot = async () => dom.push({ url: page.url(), html: await page.content() });
    const checkPage = async () => {
      await list.expectNoAxeViolations();
      await snapshot();
    };
    const openCandidate = async (pn: string) => {
      await list.candidateLink(pn).click();
      await sheet.expectHeading(`Kandidat ${pn}`);
    };
    const signInAs = async (who: StaffAccount) => {
      await signIn.open();
      await signIn.signIn(who.email, who.password);
      await list.expectHeading('Kandidat saya');
      await expect(list.row(first)).toContainText('PK-AP');
      await expect(list.row(other)).toBeVisible();
    };
    const signOut = async () => {
      await page.getByRole('button', { name: 'Keluar' }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
    };

    // The fourth member knows both candidates: declaring the conflict recuses them (the panel keeps its three others).
    await signInAs(fourth);
    for (const pn of [first, other]) {
      await openCandidate(pn);
      await page.getByText('Nyatakan konflik kepentingan').click();
      await sheet.button('Nyatakan konflik').click();
      await expect(page.getByRole('alert').first()).toContainText('Tulis alasan konflik kepentingan.');
      await checkPage();
      await page.getByLabel('Alasan konflik kepentingan').fill('Kandidat adalah mantan mahasiswa bimbingan saya.');
      await sheet.button('Nyatakan konflik').click();
      await list.expectHeading('Kandidat saya');
      await expect(page.getByRole('status').filter({ hasText: `Konflik kepentingan untuk kandidat ${pn} tercatat` })).toBeVisible();
      await expect(list.candidateLink(pn)).toHaveCount(0);
    }
    await expect(page.getByText('Belum ada kandidat untuk panel Anda.')).toBeVisible();
    await checkPage();
    await signOut();

    // The second member: a draft survives leaving the page; the submitted sheet shows only their own scores.
    await signInAs(second);
    await expect(list.row(first)).toContainText('Belum diisi');
    await checkPage();
    await openCandidate(first);
    await expect(page.getByText('Anggota panel', { exact: true })).toBeVisible();
    // The anchored description of each level is on the sheet.
    await expect(sheet.level('Kompetensi teknis', 3)).toHaveAccessibleName(/Kompetensi teknis tingkat 3: uraian jangkar/);
    await sheet.score('Kompetensi teknis', 4, 'Menjelaskan rancangan basis data dengan runtut.');
    await sheet.score('Komunikasi', 4, 'Jawaban jelas dan ringkas.');
    await sheet.button('Kirim lembar penilaian').click();
    await expect(page.getByRole('alert').first()).toContainText('Pilih tingkat untuk Integritas.');
    await checkPage();
    await sheet.score('Integritas', 4, 'Konsisten dengan contoh pengalaman kerja.');
    await sheet.button('Simpan draf').click();
    await expect(page.getByText('Draf tersimpan.', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Kembali ke kandidat saya' }).click();
    await expect(list.row(first)).toContainText('Draf tersimpan');
    await openCandidate(first);
    await expect(sheet.level('Integritas', 4)).toBeChecked();
    await expect(sheet.panelSheets()).toHaveCount(0);
    await checkPage();
    await sheet.documentScreenshot('workspace-panelist');
    await sheet.button('Kirim lembar penilaian').click();
    await expect(page.getByText('Lembar penilaian Anda sudah terkirim dan terkunci.')).toBeVisible();
    await expect(page.getByText('1 dari 3 lembar panelis sudah terkirim.')).toBeVisible();
    await expect(sheet.panelSheets().getByRole('columnheader')).toHaveText(['Kriteria', PANELISTS[1]]);
    await checkPage();
    // The second candidate too, so that the chair's absence needs a reason.
    await page.getByRole('link', { name: 'Kembali ke kandidat saya' }).click();
    await openCandidate(other);
    for (const c of CRITERIA) await sheet.score(c.label, 3, 'Cukup sesuai rubrik.');
    await sheet.button('Kirim lembar penilaian').click();
    await expect(page.getByText('Lembar penilaian Anda sudah terkirim dan terkunci.')).toBeVisible();
    await signOut();

    // The third member scores far apart on one criterion; they still see no one else's scores before theirs is in.
    await signInAs(third);
    await openCandidate(first);
    await expect(sheet.panelSheets()).toHaveCount(0);
    await expect(page.getByText('Menjelaskan rancangan basis data dengan runtut.')).toHaveCount(0);
    await sheet.score('Kompetensi teknis', 1, 'Belum mampu menjelaskan rancangan.');
    await sheet.score('Komunikasi', 4, 'Komunikatif.');
    await sheet.score('Integritas', 4, 'Jujur tentang kekurangannya.');
    await sheet.button('Kirim lembar penilaian').click();
    await expect(page.getByText('2 dari 3 lembar panelis sudah terkirim.')).toBeVisible();
    await checkPage();
    await signOut();

    // The chair: blind until their own sheet is in; then the calibration the disagreement requires, and finalization.
    await signInAs(chair);
    await checkPage();
    // The workspace speaks English too, from the same catalogue keys.
    await page.getByRole('button', { name: 'English' }).click();
    await list.expectHeading('My candidates');
    await expect(list.row(first)).toContainText('Not started');
    await checkPage();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await list.expectHeading('Kandidat saya');
    await openCandidate(first);
    await expect(page.getByText('Ketua panel', { exact: true })).toBeVisible();
    await expect(sheet.panelSheets()).toHaveCount(0);
    await expect(page.getByText('Belum mampu menjelaskan rancangan.')).toHaveCount(0);
    await expect(page.getByText('Kirim lembar penilaian Anda lebih dulu', { exact: false })).toBeVisible();
    await checkPage();
    for (const c of CRITERIA) await sheet.score(c.label, 4, 'Sesuai jangkar tingkat 4.');
    await sheet.button('Kirim lembar penilaian').click();
    await expect(page.getByText('3 dari 3 lembar panelis sudah terkirim.')).toBeVisible();
    await expect(sheet.panelSheets().getByRole('columnheader')).toHaveCount(4);
    await expect(sheet.panelSheets().getByRole('row', { name: /Kompetensi teknis/ })).toContainText('(selisih melewati ambang kalibrasi)');
    await expect(page.getByText('Selisih nilai antarpanelis melebihi ambang periode (2) pada: Kompetensi teknis.', { exact: false })).toBeVisible();
    await expect(sheet.button('Finalisasi wawancara')).toBeDisabled();
    await checkPage();
    await sheet.button('Simpan kalibrasi').click();
    await expect(page.getByRole('alert').first()).toContainText('Tulis catatan kalibrasi.');
    await page.getByLabel('Catatan kalibrasi').fill('Panel membahas jawaban teknis; nilai tiap panelis dipertahankan.');
    await sheet.button('Simpan kalibrasi').click();
    // The recorded note is quoted on the page (the form may still hold the same text, so look for the quotation).
    await expect(page.locator('q').filter({ hasText: 'Panel membahas jawaban teknis; nilai tiap panelis dipertahankan.' })).toBeVisible();
    await expect(sheet.button('Finalisasi wawancara')).toBeEnabled();
    await checkPage();
    await sheet.button('Finalisasi wawancara').click();
    // Teknis mean 3 of 1–5 (50 %), komunikasi and integritas 4 (30 %, 20 %): 25 + 22,5 + 15.
    // The long operation's outcome, then the result the service recorded.
    await expect(page.getByRole('region', { name: 'Penutupan wawancara' })).toContainText(
      'Nilai panel 62,5 dari 100 tercatat dan diteruskan ke tahap penempatan.',
    );
    await expect(page.getByText('Wawancara selesai dinilai. Nilai panel: 62,5 dari 100.')).toBeVisible();
    await expect(page.getByText(/Difinalisasi pada \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
    await checkPage();
    // Leaving and coming back: the outcome is the service's.
    await page.reload();
    await expect(page.getByText('Wawancara selesai dinilai. Nilai panel: 62,5 dari 100.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Penutupan wawancara' })).toContainText('Nilai panel 62,5 dari 100 tercatat');
    await expect(sheet.button('Finalisasi wawancara')).toHaveCount(0);
    await page.getByRole('link', { name: 'Kembali ke kandidat saya' }).click();
    await expect(list.row(first)).toContainText('Selesai dinilai');

    // The second candidate did not come: a sheet is in, so the service asks why, in the catalogue's words.
    await openCandidate(other);
    await sheet.button('Catat tidak hadir').click();
    await expect(page.getByRole('alert').first()).toContainText('Sudah ada lembar penilaian yang terkirim; tulis alasan mencatat kandidat tidak hadir.');
    await checkPage();
    await page.getByLabel(/Alasan \(wajib jika/).fill('Peserta tidak datang sampai sesi berakhir.');
    await sheet.button('Catat tidak hadir').click();
    await expect(page.getByText('Kandidat dicatat tidak hadir.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Penutupan wawancara' })).toContainText('Ketidakhadiran kandidat tercatat');
    await expect(page.getByText('Peserta tidak datang sampai sesi berakhir.')).toBeVisible();
    await checkPage();

    // The service holds what the pages did.
    const results = await Promise.all(
      submitted.map((s) =>
        api<{ status: string; total: number | null }>('interview', 'GET', `/admin/candidates/${s.applicationId}`, { token: period.admin.token }),
      ),
    );
    expect(results.map((r) => [r.status, r.total === null ? null : Number(r.total)]).sort()).toEqual([
      ['ABSENT', null],
      ['COMPLETED', 62.5],
    ]);
  } finally {
    setClockOffset(0);
  }

  // ---- No applicant identity anywhere: not in any page's DOM, not in any response the pages received.
  expect(dom.length).toBeGreaterThan(10);
  for (const { url, html } of dom)
    expect(
      secrets.filter((s) => html.includes(s)),
      `identity in the page ${url}`,
    ).toEqual([]);
  const received = await responses();
  expect(received.some((r) => r.url.includes('/api/interview/panelist/'))).toBe(true);
  for (const r of received) {
    expect(
      secrets.filter((s) => r.text.includes(s)),
      `identity in the response ${r.url}`,
    ).toEqual([]);
    // No photo either: the pages never load an image or a document from the services.
    if (r.url.includes('/api/')) expect(r.contentType, r.url).not.toMatch(/^image\/|application\/pdf/);
  }
});
