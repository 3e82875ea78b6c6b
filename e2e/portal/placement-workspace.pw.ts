import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlacementPages } from './pom/placement-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, eventually, openPeriod, stack, staffToken, submittedApplicant } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccounts } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

/** The rules of outcome-pages.pw.ts: CAT and a practical test, SKB 60 % and interview 40 %, overrides with a second officer. */
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
 * Three candidates for two seats. Budi and Ani have the same SKB total (82) and interview (75), so the
 * same final score (79.2); Ani's higher CAT puts her first (tie-break step 2). Citra is third (68.4).
 */
const SCORES = [
  { i: 71, cat: 400, practical: 85 }, // Budi: SKB 82
  { i: 72, cat: 450, practical: 70 }, // Ani: SKB 82, CAT higher
  { i: 73, cat: 300, practical: 70 }, // Citra: SKB 64
];

/**
 * The placement officer's main path in the browser, on a period driven through the APIs to the
 * interview results: the ranking with each explanation and the tie-break step, the proposal, one
 * override with a reason approved by a second officer (not the one who asked), the confirmation,
 * the decline and its replacement after the announcement, and the report with its CSV; axe on every page.
 */
test('placement officers rank, propose, override with a second approval, confirm, and read the declines and the report', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const admin = staffToken(['admin']);
  const verifier = staffToken(['verifier']);
  const skbOfficer = staffToken(['skb-officer']);
  const panelists = [0, 1, 2].map(() => staffToken(['panelist']));
  const [first, second] = await staffAccounts([['placement-officer'], ['placement-officer']], 'Petugas Penempatan');
  let offset = 0;
  const moveClockTo = (at: number) => {
    offset = Math.max(offset, at - Date.now());
    setClockOffset(offset);
  };

  try {
    const period = await openPeriod(`P${Date.now().toString(36)}`, 60 * 60_000, RULES);
    const { periodId, formationId } = period;
    await eventually('screening to register the verifier', () =>
      api('screening', 'POST', `/periods/${periodId}/verifiers`, {
        token: period.admin.token,
        json: { accountId: verifier.id, name: 'Verifikator Satu', kkNumber: '7371019900000101' },
      }),
    );
    await eventually('skb to take the venue', () =>
      api('skb', 'POST', `/periods/${periodId}/venues`, {
        token: skbOfficer.token,
        json: { name: 'UPT CAT Kota Contoh', address: 'Jl. Merdeka No. 1', rooms: [{ name: 'Ruang 1', capacity: 20 }] },
      }),
    );
    await api('skb', 'POST', `/periods/${periodId}/sessions`, {
      token: skbOfficer.token,
      json: { name: 'Sesi 1', date: '2027-01-11', startTime: '08:00', durationMinutes: 100 },
    });
    const panel = await eventually('interview to take the panel', () =>
      api<{ panelId: string }>('interview', 'POST', '/panels', {
        token: period.admin.token,
        json: {
          periodId,
          name: 'Panel 1',
          members: panelists.map((m, i) => ({ panelistId: m.id, displayName: `Panelis ${i + 1}`, kkNumber: `737101990000011${i}`, chair: i === 0 })),
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

    // Three applicants, MS, through the administrative selection.
    const people = SCORES.map((s) => ({ ...s, who: newApplicant(s.i) }));
    const applied: ((typeof people)[number] & { applicationId: string })[] = [];
    for (const p of people) {
      const { applicationId } = await submittedApplicant(period, p.who, { photo: photo().buffer, diploma: diploma().buffer });
      applied.push({ ...p, applicationId });
    }
    for (const a of applied) {
      await eventually('the case to reach the verifier', () =>
        api('screening', 'POST', `/cases/${a.applicationId}/decision`, { token: verifier.token, json: { result: 'MS' } }),
      );
    }
    moveClockTo(period.closesAt.getTime() + 60_000);
    await eventually('the close', () => api('registration', 'POST', `/admin/periods/${periodId}/close`, { token: period.admin.token }));
    const announcement = await eventually('the announcement', () =>
      api<{ appealFilingClosesAt: string }>('screening', 'POST', `/periods/${periodId}/announcement`, { token: period.admin.token }),
    );
    moveClockTo(new Date(announcement.appealFilingClosesAt).getTime() + 60_000);
    await eventually('the finalization', () => api('screening', 'POST', `/periods/${periodId}/finalization`, { token: admin.token }));

    // SKB: seats, the CAT file, practical scores, finalized.
    await eventually('the SKB participants', async () => {
      const allocation = await api<{ participants: number }>('skb', 'POST', `/periods/${periodId}/allocation`, { token: skbOfficer.token });
      if (allocation.participants !== 3) throw new Error(`${allocation.participants} participants`);
    });
    const seats = await api<{ participantNumber: string; fullName: string }[]>('skb', 'GET', `/periods/${periodId}/allocation`, { token: skbOfficer.token });
    await api('skb', 'POST', `/periods/${periodId}/allocation/publish`, { token: skbOfficer.token });
    const numberOf = (a: (typeof applied)[number]) => seats.find((s) => s.fullName === a.who.fullName)!.participantNumber;
    const [budi, ani, citra] = applied.map((a) => ({ ...a, number: numberOf(a) }));
    const csv = await fetch(`${stack().services.skb}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${skbOfficer.token}`, 'content-type': 'text/csv' },
      body: ['participant_number,component,score', ...[budi, ani, citra].map((c) => `${c.number},cat,${c.cat}`)].join('\r\n'),
    });
    expect(csv.status, await csv.text()).toBeLessThan(300);
    for (const c of [budi, ani, citra]) {
      await api('skb', 'PUT', `/periods/${periodId}/participants/${c.number}/scores/practical`, { token: skbOfficer.token, json: { score: c.practical } });
    }
    await api('skb', 'POST', `/periods/${periodId}/finalize`, { token: skbOfficer.token });

    // The interview: 4 on every criterion from every member (75), submitted; the chair finalizes.
    await eventually(
      'the candidates on the panel',
      async () => {
        const listed = await api<{ participantNumber: string }[]>('interview', 'GET', '/panelist/candidates', { token: panelists[0].token });
        if (listed.length < 3) throw new Error(`${listed.length} assigned`);
      },
      90_000,
    );
    for (const c of [budi, ani, citra]) {
      const path = `/panelist/panels/${panel.panelId}/candidates/${encodeURIComponent(c.number)}`;
      for (const member of panelists) {
        const scores = CRITERIA.map((k) => ({ criterion: k.key, value: 4, justification: `Penilaian ${k.label.toLowerCase()} sesuai rubrik.` }));
        await api('interview', 'PUT', `${path}/sheet`, { token: member.token, json: { scores } });
        await api('interview', 'POST', `${path}/sheet/submit`, { token: member.token });
      }
      await api('interview', 'POST', `${path}/finalize`, { token: panelists[0].token });
    }
    // The admin hands the period's interviews on to placement (refused while skb's closing count is in flight).
    await eventually('interview to complete the period', () => api('interview', 'POST', `/periods/${periodId}/completion`, { token: admin.token }), 90_000);
    await eventually(
      'placement to hear the interview results',
      async () => {
        const rows = await api<{ reachedPlacement: number; interviewed: number }[]>('placement', 'GET', `/periods/${periodId}/report`, { token: admin.token });
        if (rows[0]?.interviewed !== 3) throw new Error(`${rows[0]?.interviewed ?? 0} interviewed`);
      },
      90_000,
    );

    // The first officer, in the portal: the period, its rules, the ranking computed and read back.
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(first.email, first.password);
    const placement = new PlacementPages(page);
    await placement.expectHeading('Ruang kerja petugas penempatan');
    await placement.expectNoAxeViolations();
    await page.getByRole('link', { name: new RegExp(period.code) }).click();
    await placement.expectHeading('Penempatan: ringkasan');
    await expect(
      page.getByText('nilai akhir lebih tinggi → nilai SKB lebih tinggi → nilai CAT lebih tinggi → IPK lebih tinggi → usia lebih tua'),
    ).toBeVisible();
    await expect(placement.operation('Perhitungan peringkat')).toContainText('Peringkat belum dihitung.');
    await placement.expectNoAxeViolations();
    await placement.runOperation('Perhitungan peringkat', 'Hitung peringkat', '1 formasi; 3 peserta berperingkat, 0 tidak berperingkat, 0 dalam seri penuh.');
    // Left and opened again, the page reads the outcome back from the service.
    await page.reload();
    await expect(placement.operation('Perhitungan peringkat')).toContainText(/Peringkat terakhir dihitung \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/);
    await expect(placement.operation('Perhitungan peringkat').getByTestId('op-rankings-outcome')).toHaveText(
      '1 formasi; 3 peserta berperingkat, 0 tidak berperingkat, 0 dalam seri penuh.',
    );

    await placement.menu('Peringkat').click();
    await placement.expectHeading('Peringkat per formasi');
    await expect(placement.rankingRow(ani.number)).toContainText(/^1/);
    await expect(placement.rankingRow(ani.number)).toContainText('Peringkat teratas');
    await expect(placement.rankingRow(budi.number)).toContainText('Nilai akhir sama; diputus langkah 2: nilai CAT lebih tinggi');
    await expect(placement.rankingRow(citra.number)).toContainText('Nilai akhir lebih rendah dari peringkat di atasnya');
    await placement.rankingRow(budi.number).getByText(`Penjelasan ${budi.number}`).click();
    const explanation = page.getByRole('table', { name: `Nilai akhir ${budi.number}` });
    await expect(explanation.getByRole('row', { name: /SKB/ })).toHaveText(/SKB\s*82\s*60%\s*49,2/);
    await expect(explanation.getByRole('row', { name: /Wawancara/ })).toHaveText(/Wawancara\s*75\s*40%\s*30/);
    await expect(explanation.getByRole('row', { name: /Nilai akhir/ })).toHaveText(/Nilai akhir\s*79,2/);
    await placement.expectNoAxeViolations();

    // The proposal: Ani and Budi, both regular.
    await placement.menu('Ringkasan').click();
    await placement.runOperation('Usulan penempatan', 'Susun usulan penempatan', '2 penempatan: 2 reguler, 0 optimalisasi, 0 penggantian oleh petugas.');
    await placement.expectNoAxeViolations();
    await placement.menu('Usulan penempatan').click();
    await placement.expectHeading('Usulan penempatan');
    const seats_ = placement.seats('PK-AP');
    await expect(seats_.getByRole('row', { name: new RegExp(ani.number) })).toContainText('Reguler');
    await expect(seats_.getByRole('row', { name: new RegExp(budi.number) })).toContainText('Reguler');
    await placement.expectNoAxeViolations();

    // Override Budi's seat with Citra: a reason is required, then it waits for a second officer.
    await page.getByRole('button', { name: `Ganti ${budi.number}` }).click();
    const candidate = page.getByLabel('Peserta pengganti (berperingkat, belum mendapat kursi)');
    await candidate.selectOption((await candidate.locator('option', { hasText: citra.number }).getAttribute('value'))!);
    await page.getByRole('button', { name: 'Ajukan penggantian' }).click();
    await expect(page.getByRole('alert').getByText('Tulis alasan penggantian.')).toBeVisible();
    await placement.expectNoAxeViolations();
    await page.getByLabel('Alasan penggantian (tercatat di jejak audit)').fill('Domisili dekat unit kerja; keputusan rapat pimpinan.');
    await page.getByRole('button', { name: 'Ajukan penggantian' }).click();
    await expect(page.getByText('Penggantian tercatat dan menunggu persetujuan petugas kedua.')).toBeVisible();
    await placement.menu('Persetujuan penggantian').click();
    await placement.expectHeading('Persetujuan penggantian');
    await expect(page.getByText('Anda yang mengajukan; menunggu petugas lain.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Setujui penggantian/ })).toHaveCount(0);
    await placement.expectNoAxeViolations();
    await placement.menu('Ringkasan').click();
    await expect(placement.operation('Konfirmasi')).toContainText('1 penggantian menunggu persetujuan petugas kedua.');

    // The second officer, in another browser, approves from the queue.
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    try {
      const secondPage = await other.newPage();
      const secondSignIn = new SignInPage(secondPage);
      await secondSignIn.open(`/staff/placement/periods/${periodId}/approvals`);
      await secondSignIn.signIn(second.email, second.password);
      const approvals = new PlacementPages(secondPage);
      await approvals.expectHeading('Persetujuan penggantian');
      const row = secondPage
        .getByRole('table', { name: 'Penggantian yang menunggu persetujuan petugas kedua' })
        .getByRole('row', { name: new RegExp(citra.number) });
      await expect(row).toContainText(budi.number);
      await expect(row).toContainText('Domisili dekat unit kerja; keputusan rapat pimpinan.');
      await approvals.expectNoAxeViolations();
      await secondPage.getByRole('button', { name: `Setujui penggantian ke ${citra.number}` }).click();
      await expect(secondPage.getByText(`Penggantian ke ${citra.number} disetujui dan diterapkan.`)).toBeVisible();
      await expect(secondPage.getByText('Tidak ada penggantian yang menunggu persetujuan.')).toBeVisible();
      await expect(secondPage.getByRole('table', { name: 'Riwayat penggantian' })).toContainText(citra.number);
    } finally {
      await other.close();
    }

    // Back with the first officer: the override in the proposal, then the confirmation.
    await placement.menu('Usulan penempatan').click();
    await expect(seats_.getByRole('row', { name: new RegExp(citra.number) })).toContainText('Penggantian petugas');
    await expect(seats_.getByRole('row', { name: new RegExp(citra.number) })).toContainText(
      `Menggantikan ${budi.number}: Domisili dekat unit kerja; keputusan rapat pimpinan.`,
    );
    await expect(seats_.getByRole('row', { name: new RegExp(`^${budi.number}`) })).toHaveCount(0);
    await placement.documentScreenshot('workspace-placement');
    await placement.menu('Ringkasan').click();
    await placement.runOperation('Konfirmasi', 'Konfirmasi usulan penempatan', '2 penempatan dikonfirmasi.');
    await expect(placement.operation('Pengumuman')).toContainText('Admin instansi mengumumkan hasil akhir setelah konfirmasi.');
    await placement.expectNoAxeViolations();

    // The admin announces; Ani declines; the next of the ranking (Budi) takes her seat.
    await api('placement', 'POST', `/periods/${periodId}/announcement`, { token: admin.token });
    const { accessToken } = await api<{ accessToken: string }>('registration', 'POST', '/auth/login', {
      json: { email: ani.who.email, password: ani.who.password },
    });
    await api('placement', 'POST', `/applications/${ani.applicationId}/decline`, { token: accessToken, json: { reason: 'Diterima di instansi lain.' } });
    await page.reload();
    await expect(placement.operation('Pengumuman').getByTestId('op-announcement-outcome')).toHaveText('2 peserta ditempatkan; 1 menolak, 1 pengganti masuk.');
    await placement.menu('Penolakan dan pengganti').click();
    await placement.expectHeading('Penolakan dan pengganti');
    const decline = page.getByRole('table', { name: 'Penempatan yang ditolak dan penggantinya' }).getByRole('row', { name: new RegExp(ani.number) });
    await expect(decline).toContainText('Diterima di instansi lain.');
    await expect(decline).toContainText(`${budi.number} (peringkat 2 di PK-AP)`);
    await expect(decline).toContainText('Pengganti');
    await placement.expectNoAxeViolations();

    // The report, and its CSV.
    await placement.menu('Laporan').click();
    await placement.expectHeading('Laporan penempatan');
    await expect(page.getByRole('table', { name: 'Rekap per formasi' }).getByRole('row', { name: /PK-AP/ })).toHaveText(
      /PK-AP\s*Pranata Komputer Ahli Pertama\s*Command Center\s*2\s*3\s*3\s*3\s*2\s*0/,
    );
    await placement.expectNoAxeViolations();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`penempatan-${periodId}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'formationId,code,position,unit,quota,reachedPlacement,skbProceeded,interviewed,placed,vacancies',
      `${formationId},PK-AP,Pranata Komputer Ahli Pertama,Command Center,2,3,3,3,2,0`,
    ]);

    // English is a switch away.
    await page.getByRole('button', { name: 'English' }).click();
    await placement.expectHeading('Placement report');
    await expect(page.getByRole('button', { name: 'Download the report (CSV)' })).toBeVisible();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  } finally {
    setClockOffset(0);
  }
});
