import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { SkbPages } from './pom/skb-pages';
import { api, eventually, openPeriod, staffToken, submittedApplicant } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccount } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

const HOUR = 3_600_000;

/** Two SKB components (CAT imported, a practical test entered by officers), as a period configures them. */
const RULES = {
  skb: {
    components: [
      { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
      { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
    ],
    totalPassingGrade: 60,
    proceedFactor: 3,
    disabilityExtraMinutes: 30,
  },
};

/**
 * The SKB officer's main path in the browser, on a period taken through the APIs up to SKB (two MS
 * participants): a venue and a session; seats allocated, shown per room and published; a CAT file
 * with one bad row refused with its row table and nothing imported, then a good one; the practical
 * score typed in the grid by keyboard and one participant marked absent; finalization and the
 * distribution per formation. Each step's outcome is read back after a reload; axe on every page.
 */
test('SKB officer runs venues, seats, the CAT import, the grid and finalization in the browser', async ({ page }) => {
  const verifier = staffToken(['verifier']);
  const officerToken = staffToken(['skb-officer']);
  let offset = 0;
  const moveClockTo = (at: number) => {
    offset = Math.max(offset, at - Date.now());
    setClockOffset(offset);
  };

  try {
    const period = await openPeriod(`K${Date.now().toString(36)}`, HOUR, RULES);
    const { periodId } = period;
    await eventually('screening to register the verifier', () =>
      api('screening', 'POST', `/periods/${periodId}/verifiers`, {
        token: period.admin.token,
        json: { accountId: verifier.id, name: 'Verifikator SKB', kkNumber: '7371019900000061' },
      }),
    );
    const applicants = [newApplicant(81), newApplicant(82)];
    const applications: string[] = [];
    for (const who of applicants)
      applications.push((await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer })).applicationId);
    await eventually('both cases in the queue', async () => {
      const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: verifier.token });
      if (!applications.every((id) => queue.items.some((i) => i.applicationId === id))) throw new Error('not in the queue yet');
    });
    for (const id of applications) await api('screening', 'POST', `/cases/${id}/decision`, { token: verifier.token, json: { result: 'MS' } });
    moveClockTo(period.closesAt.getTime() + 60_000);
    await eventually('the close', () => api('registration', 'POST', `/admin/periods/${periodId}/close`, { token: period.admin.token }));
    const announcement = await eventually('the announcement', () =>
      api<{ appealFilingClosesAt: string }>('screening', 'POST', `/periods/${periodId}/announcement`, { token: period.admin.token }),
    );
    moveClockTo(new Date(announcement.appealFilingClosesAt).getTime() + 60_000);
    await eventually('the finalization', () => api('screening', 'POST', `/periods/${periodId}/finalization`, { token: period.admin.token }));
    await eventually('both SKB participants', async () => {
      const state = await api<{ participants: number }>('skb', 'GET', `/periods/${periodId}`, { token: officerToken.token });
      if (state.participants !== 2) throw new Error(`${state.participants} participants`);
    });

    // Signed in through the portal, the officer lands in the SKB workspace and opens the period.
    const officer = staffAccount(['skb-officer'], 'Petugas SKB');
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(officer.email, officer.password);
    const skb = new SkbPages(page);
    await skb.expectHeading('Ruang kerja petugas SKB');
    const row = page.getByRole('row').filter({ hasText: period.code });
    await expect(row).toContainText('Persiapan lokasi dan sesi');
    await skb.expectNoAxeViolations();
    await row.getByRole('link', { name: period.code }).click();
    await skb.expectHeading(`SKB ${period.code}`);
    await expect(page.getByRole('table', { name: 'Komponen SKB seleksi ini' }).getByRole('row', { name: /Tes praktik/ })).toContainText('Diisi petugas SKB');
    await skb.expectNoAxeViolations();

    // Venues and sessions.
    await skb.step('Lokasi dan sesi');
    await skb.expectHeading(`Lokasi dan sesi SKB ${period.code}`);
    await page.getByRole('button', { name: 'Simpan lokasi' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Tulis nama lokasi.');
    await skb.expectNoAxeViolations();
    await skb.addVenue('UPT CAT Kota Contoh', 'Jl. Merdeka No. 1', [
      { name: 'Ruang 1', capacity: 1 },
      { name: 'Ruang 2', capacity: 10 },
    ]);
    await expect(page.getByRole('table', { name: 'Lokasi ujian dan ruangnya' }).getByRole('row', { name: /UPT CAT Kota Contoh/ })).toContainText(
      'Ruang 1 (1 kursi); Ruang 2 (10 kursi)',
    );
    await skb.addSession('Sesi 1', '2027-01-11', '08:00', 100);
    await expect(page.getByRole('table', { name: 'Sesi ujian menurut waktu mulai' }).getByRole('row', { name: /Sesi 1/ })).toContainText(
      '11 Januari 2027, 08:00 WIB',
    );
    await skb.expectNoAxeViolations();

    // Seats: allocated, shown per room, published; the state is read back after a reload.
    await skb.step('Pembagian kursi');
    await skb.expectHeading(`Pembagian kursi SKB ${period.code}`);
    await page.getByRole('button', { name: 'Bagi kursi' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 peserta mendapat kursi dari 11 kursi' })).toBeVisible();
    const seats = await api<{ participantNumber: string; room: string }[]>('skb', 'GET', `/periods/${periodId}/allocation`, { token: officerToken.token });
    const [first, second] = seats.map((s) => s.participantNumber);
    for (const seat of seats) {
      const table = page.getByRole('table', { name: new RegExp(`Sesi 1, 11 Januari 2027, 08:00 WIB: UPT CAT Kota Contoh, ${seat.room}$`) });
      await expect(table.getByRole('row', { name: new RegExp(seat.participantNumber) })).toContainText('PK-AP');
    }
    await skb.expectNoAxeViolations();
    await page.getByRole('button', { name: 'Umumkan pembagian kursi' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Pembagian kursi diumumkan pada' })).toContainText('2 peserta dapat mengunduh kartu ujian.');
    await page.reload();
    await expect(page.getByText(/Diumumkan pada \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bagi kursi' })).toHaveCount(0);
    // Read back from skb: the allocation and the publication are still shown as done.
    await expect(page.getByRole('status').filter({ hasText: '2 peserta mendapat kursi dari 11 kursi.' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Pembagian kursi diumumkan pada \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/ })).toBeVisible();
    await skb.expectNoAxeViolations();

    // The CAT file with one bad row: refused with its row table, nothing imported, still shown after a reload.
    await skb.step('Nilai dan kehadiran');
    await skb.expectHeading(`Nilai dan kehadiran SKB ${period.code}`);
    await skb.importScores('cat-salah.csv', [`${first},cat,400`, 'PK-AP-99999,cat,300', `${second},cat,300`]);
    await expect(skb.latestImport()).toContainText('berkas ditolak, tidak ada nilai yang disimpan (1 baris bermasalah)');
    await expect(skb.importOutcome().getByRole('alert')).toContainText('Berkas ditolak: ada baris yang bermasalah, tidak ada nilai yang disimpan.');
    await expect(skb.problems().getByRole('columnheader')).toHaveText(['Baris', 'Peserta', 'Masalah']);
    await expect(skb.problems().getByRole('row', { name: /^3/ })).toHaveText(/3\s*PK-AP-99999\s*Nomor peserta tidak ada di seleksi ini\./);
    await expect(skb.gridRow(first).getByRole('cell').nth(1)).toHaveText('—');
    await skb.expectNoAxeViolations();
    await page.reload();
    await expect(skb.problems().getByRole('row', { name: /PK-AP-99999/ })).toBeVisible();
    await expect(skb.importOutcome().getByRole('alert')).toContainText('Berkas ditolak');
    await expect(skb.gridRow(second).getByRole('cell').nth(1)).toHaveText('—');

    await skb.importScores('cat.csv', [`${first},cat,400`, `${second},cat,300`]);
    await expect(skb.importOutcome().getByRole('status')).toContainText('2 baris diterapkan; nilai 2 peserta berubah.');
    await expect(skb.problems()).toHaveCount(0);
    await expect(skb.gridRow(first).getByRole('cell').nth(1)).toHaveText('400');

    // The grid by keyboard: the practical score typed and saved with Enter, focus moving down; the other absent.
    const practical = page.getByLabel(`Tes praktik peserta ${first}`);
    await practical.focus();
    await page.keyboard.type('85');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Tes praktik peserta ${first} tersimpan: 85.` })).toBeVisible();
    await expect(page.getByLabel(`Tes praktik peserta ${second}`)).toBeFocused();
    await page.getByLabel(`Kehadiran peserta ${second}`).selectOption('TH');
    await expect(page.getByRole('status').filter({ hasText: `Kehadiran peserta ${second} tersimpan: Tidak hadir (TH).` })).toBeVisible();
    await expect(page.getByText('2 dari 2 peserta sudah lengkap nilainya atau tercatat TH/DIS.')).toBeVisible();
    await skb.expectNoAxeViolations();
    await page.reload();
    await expect(page.getByLabel(`Tes praktik peserta ${first}`)).toHaveValue('85');
    await expect(page.getByLabel(`Kehadiran peserta ${second}`)).toHaveValue('TH');

    // Finalization, then the distribution per formation (a chart with its table); read back after a reload.
    await skb.step('Hasil');
    await skb.expectHeading(`Hasil SKB ${period.code}`);
    await skb.expectNoAxeViolations();
    await page.getByRole('button', { name: 'Tetapkan hasil SKB' }).click();
    await expect(page.getByText('Yakin menetapkan hasil?')).toBeVisible();
    await page.getByRole('button', { name: 'Ya, tetapkan hasil' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Hasil SKB ditetapkan pada \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/ })).toBeVisible();
    await page.reload();
    const outcomes = page.getByRole('table', { name: 'Hasil formasi PK-AP' });
    await expect(outcomes.getByRole('columnheader')).toHaveText([
      'Lulus dan lanjut (P/L)',
      'Lulus, tidak lanjut (P)',
      'Tidak lulus (TL)',
      'Tidak hadir (TH)',
      'Diskualifikasi (DIS)',
    ]);
    await expect(outcomes.getByRole('row').nth(1)).toHaveText(/1\s*0\s*0\s*1\s*0/);
    // CAT 400 of 500 at 60 % and the practical 85 at 40 %: a total of 82.
    await expect(page.getByRole('table', { name: 'Sebaran nilai total formasi PK-AP' }).getByRole('row', { name: /80 sampai di bawah 90/ })).toContainText('1');
    await expect(page.getByRole('img', { name: /Sebaran nilai total formasi PK-AP/ })).toBeVisible();
    await expect(page.getByText('Rata-rata total yang mengikuti ujian: 82.')).toBeVisible();
    await skb.expectNoAxeViolations();
    await skb.documentScreenshot('workspace-skb');

    // Afterwards the grid is read-only and the import form is gone.
    await skb.step('Nilai dan kehadiran');
    await expect(page.getByText('Hasil sudah ditetapkan; nilai dan kehadiran tidak dapat diubah.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Impor berkas' })).toHaveCount(0);
    await skb.expectNoAxeViolations();
  } finally {
    setClockOffset(0);
  }
});
