import { expect, test } from '@playwright/test';
import { AdminPeriodPage } from './pom/admin-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, eventually, staffToken, submittedApplicant } from './support/api';
import { setClockOffset } from './support/clock';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccounts } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

const MINUTE = 60_000;

/** An instant as a WIB wall clock for a datetime-local input (the period's zone). */
const wib = (at: number) => new Date(at + 7 * 60 * MINUTE).toISOString().slice(0, 16);

/**
 * The admin runs a period through the portal: creates it (every rule shown with its default, a refused
 * rule in the error summary) with a formation, edits it, opens it; registers two verifiers and runs the
 * distribution; creates a panel with a chair and a rubric with anchored levels; changes a quota with a
 * reason; closes registration (and sees a quota change refused after); announces, refused while a case
 * is undecided and then with its outcome, read back after leaving; finalization refused while appeals
 * may be filed. axe on every page.
 */
test('admin creates, opens and runs a period: formation, verifiers, distribution, panel, rubric, quota, close, announce', async ({ page }) => {
  // A whole period's setup on a shared two-core machine: six staff accounts, four services' events.
  test.setTimeout(300_000);
  const [admin, v1, v2, p1, p2, p3] = (
    await Promise.all([
      staffAccounts([['admin']], 'Admin Periode'),
      staffAccounts([['verifier']], 'Verifikator Satu'),
      staffAccounts([['verifier']], 'Verifikator Dua'),
      staffAccounts([['panelist']], 'Panelis Satu'),
      staffAccounts([['panelist']], 'Panelis Dua'),
      staffAccounts([['panelist']], 'Panelis Tiga'),
    ])
  ).flat();
  const code = `E2E-ADM${Date.now().toString(36)}`.toUpperCase();
  const closesAt = Date.now() + 5 * MINUTE;

  try {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(admin.email, admin.password);
    const pages = new AdminPeriodPage(page);
    await pages.expectHeading('Ruang kerja admin');

    // A new period: every rule prefilled with the default registration reports, and shown as such.
    await pages.link('Buat periode baru').click();
    await pages.expectHeading('Periode baru');
    await expect(pages.field('appealFilingDays')).toHaveValue('3');
    await expect(pages.hint('appealFilingDays')).toHaveText('Bawaan: 3');
    await expect(pages.hint('stageWeights.skb')).toHaveText('Bawaan: 60');
    await expect(pages.hint('interview.minimumPanelSize')).toHaveText('Bawaan: 3');
    await expect(pages.hint('placement.optimalisasiScope')).toContainText('Bawaan:');
    await pages.expectNoAxeViolations();
    await pages.field('code').fill(code);
    await pages.field('name').fill('Seleksi Admin Portal');
    await pages.field('agencyName').fill('BKPSDM Kota Contoh');
    await pages.field('registrationOpensAt').fill(wib(Date.now() - 60 * MINUTE));
    await pages.field('registrationClosesAt').fill(wib(closesAt));
    await pages.field('ageReferenceDate').fill('2026-12-31');
    await pages.field('ruleVersion').fill('adm.1');
    await pages.field('placement.reportingDate').fill('2027-03-01');
    // A broken rule: the weights must add up to 100; the service says so, the summary takes focus.
    await pages.field('stageWeights.interview').fill('30');
    await pages.button('Buat periode').click();
    await expect(pages.errorSummary()).toBeFocused();
    await expect(pages.errorSummary()).toContainText('Jumlah bobot harus 100.');
    await pages.expectNoAxeViolations();
    await pages.field('stageWeights.interview').fill('40');
    await pages.button('Buat periode').click();
    await pages.expectHeading(`Periode ${code}`);
    await expect(pages.step('Pembukaan pendaftaran').getByRole('button', { name: 'Buka pendaftaran' })).toBeEnabled();
    await expect(page.getByText('Status periode: draf')).toBeVisible();

    // A formation: requirements, quota, and the documents asked for (the defaults, three removed).
    await pages.link('Tambah formasi').click();
    await pages.expectHeading('Formasi baru');
    await expect(pages.hint('requirements.minimumAge')).toHaveText('Bawaan: 18');
    await pages.field('code').fill('PK-AP');
    await pages.field('position').fill('Pranata Komputer Ahli Pertama');
    await pages.field('unit').fill('Command Center');
    await pages.field('quota').fill('2');
    await page.getByLabel('S1', { exact: true }).check();
    await pages.field('requirements.acceptedMajors').fill('Teknik Informatika\nSistem Informasi');
    await pages.field('requirements.minimumGpa').fill('3');
    await expect(page.getByRole('table', { name: 'Dokumen, formatnya dan ukuran maksimumnya' }).getByRole('row')).toHaveCount(6);
    for (const row of [5, 3, 2]) await pages.button(`Hapus dokumen ${row}`).click();
    await expect(page.getByLabel('Jenis dokumen (dokumen 2)')).toHaveValue('ijazah');
    await pages.expectNoAxeViolations();
    await pages.button('Simpan formasi').click();
    await pages.expectHeading(`Periode ${code}`);
    const formationRow = page.getByRole('table', { name: 'Formasi periode ini' }).getByRole('row', { name: /PK-AP/ });
    await expect(formationRow).toContainText('Pranata Komputer Ahli Pertama');
    await expect(formationRow).toContainText('Pas foto, Ijazah');

    // The draft's settings can still change.
    await pages.link('Ubah pengaturan dan aturan periode').click();
    await pages.expectHeading(`Ubah periode ${code}`);
    await expect(pages.field('stageWeights.interview')).toHaveValue('40');
    await pages.field('name').fill('Seleksi Admin Portal 2026');
    await pages.expectNoAxeViolations();
    await pages.button('Simpan periode').click();
    await pages.expectHeading(`Periode ${code}`);
    await expect(page.getByText('Seleksi Admin Portal 2026, BKPSDM Kota Contoh.')).toBeVisible();
    await pages.expectNoAxeViolations();

    // Open: the outcome as registration records it.
    await pages.button('Buka pendaftaran').click();
    await expect(pages.step('Pembukaan pendaftaran')).toContainText('Pendaftaran telah dibuka');
    await expect(page.getByText('Status periode: dibuka')).toBeVisible();
    const periodId = new URL(page.url()).pathname.split('/').at(-1)!;
    const adminApi = staffToken(['admin']);
    const [formation] = await api<{ id: string }[]>('registration', 'GET', `/admin/periods/${periodId}/formations`, { token: adminApi.token });
    const applicant = await submittedApplicant({ periodId, formationId: formation.id, code, admin: adminApi }, newApplicant(91), {
      photo: photo().buffer,
      diploma: diploma().buffer,
    });

    // Verifiers from the staff accounts, then the distribution.
    await page.getByLabel('Akun verifikator').selectOption({ label: `Verifikator Satu (${v1.email})` });
    await page.getByLabel('Nomor KK').fill('7371019900000101');
    await pages.clickUntil(page.getByRole('button', { name: 'Daftarkan', exact: true }), pages.status('Verifikator Satu terdaftar sebagai verifikator.'));
    await page.getByLabel('Akun verifikator').selectOption({ label: `Verifikator Dua (${v2.email})` });
    await page.getByLabel('Nomor KK').fill('7371019900000102');
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await expect(pages.status('Verifikator Dua terdaftar sebagai verifikator.')).toBeVisible();
    const verifiers = page.getByRole('table', { name: /Verifikator periode ini/ });
    await expect(verifiers.getByRole('row')).toHaveCount(3);
    await pages.button('Bagikan berkas yang belum ditugaskan').click();
    await expect(pages.status(/\d+ berkas dibagikan; 0 tidak dapat dibagikan/)).toBeVisible();
    // The submitted case reaches screening and sits with one of the two.
    await expect(async () => {
      await pages.button('Bagikan berkas yang belum ditugaskan').click();
      await expect(verifiers.getByRole('cell', { name: '1', exact: true })).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await pages.expectNoAxeViolations();

    // A quota change with its reason.
    await page.getByLabel('Formasi', { exact: true }).selectOption({ label: 'PK-AP (kuota sekarang 2)' });
    await page.getByLabel('Kuota baru').fill('3');
    await page.getByLabel('Alasan perubahan').fill('Tambahan formasi dari KemenPAN-RB');
    await pages.button('Ubah kuota').click();
    await expect(pages.status('Kuota PK-AP diubah menjadi 3.')).toBeVisible();
    await expect(formationRow.getByRole('cell', { name: '3', exact: true })).toBeVisible();

    // A panel of three with a chair, the formation assigned, and a rubric with a description per level.
    await pages.link('Panel wawancara dan rubrik').click();
    await pages.expectHeading(`Panel dan rubrik ${code}`);
    await expect(page.getByText('Belum ada panel.')).toBeVisible();
    await pages.field('name').fill('Panel A');
    for (const [i, panelist] of [p1, p2, p3].entries()) {
      const member = page.getByRole('group', { name: `Anggota ${i + 1}` });
      await member.getByLabel('Panelis').selectOption({ label: `${['Panelis Satu', 'Panelis Dua', 'Panelis Tiga'][i]} (${panelist.email})` });
      await member.getByLabel('Nomor KK').fill(`737101990000020${i}`);
    }
    await page.getByRole('group', { name: 'Anggota 2' }).getByLabel('Ketua panel').check();
    await pages.expectNoAxeViolations();
    await pages.clickUntil(pages.button('Buat panel'), pages.status('Panel Panel A dibuat dengan 3 anggota.'));
    const panelRow = page.getByRole('table', { name: 'Panel wawancara periode ini' }).getByRole('row', { name: /Panel A/ });
    await expect(panelRow).toContainText('Panelis Dua (ketua)');
    await pages.clickUntil(pages.button('Tugaskan formasi'), pages.status(/Formasi ditugaskan/));
    await expect(panelRow).toContainText('PK-AP');
    await pages.expectNoAxeViolations();

    await pages.link('Rubrik formasi PK-AP').click();
    await pages.expectHeading('Rubrik wawancara PK-AP');
    await expect(page.getByText('Belum ada rubrik.')).toBeVisible();
    await page.getByLabel('Kunci kriteria').fill('komunikasi');
    await page.getByLabel('Kriteria', { exact: true }).fill('Komunikasi');
    await page.getByLabel('Bobot').fill('100');
    for (let level = 1; level <= 5; level += 1) await page.getByLabel(`Deskripsi tingkat ${level}`).fill(`Tingkat ${level}: penjelasan yang tertambat.`);
    await pages.expectNoAxeViolations();
    await pages.clickUntil(pages.button('Terbitkan rubrik'), pages.status(/Rubrik .* diterbitkan\./));
    const rubric = page.getByRole('table', { name: /^Rubrik / });
    await expect(rubric.getByRole('row', { name: /Komunikasi/ })).toContainText('Tingkat 5: penjelasan yang tertambat.');
    await pages.expectNoAxeViolations();
    await pages.link('Kembali ke panel dan rubrik').click();
    await expect(page.getByText(/PK-AP: Rubrik berlaku: /)).toBeVisible();
    await pages.link('Kembali ke periode').click();

    // Close; a quota change is refused from then on.
    await pages.expectHeading(`Periode ${code}`);
    await pages.button('Tutup pendaftaran').click();
    await expect(pages.step('Penutupan pendaftaran')).toContainText('Pendaftaran ditutup.');
    await expect(page.getByText('Status periode: ditutup')).toBeVisible();
    await page.getByLabel('Kuota baru').fill('4');
    await page.getByLabel('Alasan perubahan').fill('Terlambat');
    await pages.button('Ubah kuota').click();
    await expect(pages.alert('Periode pendaftaran ini sudah ditutup.')).toBeVisible();

    // Announce: refused with the catalogue's words while the case is undecided (or the hand-over is on its way).
    setClockOffset(closesAt + MINUTE - Date.now());
    const announce = pages.step('Pengumuman seleksi administrasi');
    await expect(async () => {
      await announce.getByRole('button', { name: 'Umumkan hasil seleksi administrasi' }).click();
      await expect(announce.getByRole('alert')).toContainText('Masih ada berkas yang belum diputuskan verifikator.', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    const holder = (
      await api<{ accountId: string; openCases: number }[]>('screening', 'GET', `/periods/${periodId}/verifiers`, { token: adminApi.token })
    ).find((v) => v.openCases === 1)!;
    await eventually('the decision', () =>
      api('screening', 'POST', `/cases/${applicant.applicationId}/decision`, {
        token: staffToken(['verifier'], holder.accountId).token,
        json: { result: 'MS' },
      }),
    );
    await announce.getByRole('button', { name: 'Umumkan hasil seleksi administrasi' }).click();
    await expect(announce).toContainText('Diumumkan: 1 MS, 0 TMS.');
    await expect(announce).toContainText(/Sanggah dapat diajukan sampai \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/);
    // Leaving and coming back reads the same outcome from screening.
    await pages.link('Kembali ke daftar periode').click();
    await pages.expectHeading('Ruang kerja admin');
    await pages.link(code).click();
    await expect(pages.step('Pengumuman seleksi administrasi')).toContainText('Diumumkan: 1 MS, 0 TMS.');
    const finalize = pages.step('Finalisasi seleksi administrasi');
    await finalize.getByRole('button', { name: 'Finalisasi seleksi administrasi' }).click();
    await expect(finalize.getByRole('alert')).toContainText('Masa pengajuan sanggah belum berakhir.');
    await pages.expectNoAxeViolations();
  } finally {
    setClockOffset(0);
  }
});
