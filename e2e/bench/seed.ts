/**
 * Preparation that is not the subject of the run, written straight into registration's schema as its
 * own role: applicant accounts (e-mail confirmed, NIK and KK sealed the way registration seals them),
 * one complete draft application each (education, declarations, formation) and its one required
 * document. Signing up, confirming, logging in and uploading N times would measure scrypt and
 * uploads, which bench:registration measures already; what this run measures starts at the submit.
 * Applicant access tokens are minted with the test key the services trust.
 */
import { kkDigest } from '@seleksi/contracts';
import { applicantIdentity, nikFor, TEST_KK_DIGEST_KEY, TEST_PII_KEY, testKeys } from '@seleksi/testing';
import { createCipheriv, createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

export interface SeededApplicant {
  accountId: string;
  applicationId: string;
  token: string;
}

export const DECLARATIONS = ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'];
const CHUNK = 2_000;

/** NIK and KK sealed as registration's PiiCipher does (AES-256-GCM: nonce, tag, body) with its lookup digest. */
class Sealer {
  private readonly key = Buffer.from(TEST_PII_KEY, 'base64');
  private readonly lookupKey = createHmac('sha256', this.key).update('seleksi:pii-lookup').digest();

  seal(plain: string): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]);
  }

  lookup(plain: string): string {
    return createHmac('sha256', this.lookupKey).update(plain).digest('hex');
  }
}

export interface SeedOptions {
  count: number;
  periodId: string;
  formationIds: string[];
  tag: string;
  /** Every `tmsEvery`-th applicant's GPA is below the formation minimum (a TMS recommendation). */
  tmsEvery: number;
  document: Buffer;
  tokenTtlSeconds: number;
  onProgress(done: number): void;
}

export async function seedApplicants(db: Client, o: SeedOptions): Promise<SeededApplicant[]> {
  const sealer = new Sealer();
  const sha = createHash('sha256').update(o.document).digest('hex');
  const seenNik = new Set<string>();
  const seeded: SeededApplicant[] = [];
  for (let start = 0; start < o.count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, o.count - start) }, (_, k) => {
      const i = start + k;
      const who = applicantIdentity(i, o.tag);
      // applicantIdentity repeats NIK sequences past ~100,000 people; the next free sequence keeps NIKs unique.
      let nik = who.nik;
      for (let seq = 1; seenNik.has(nik); seq += 1) nik = nikFor(who.nik.slice(0, 6), who.dateOfBirth, who.gender, seq);
      seenNik.add(nik);
      return { i, who, nik, accountId: randomUUID(), applicationId: randomUUID() };
    });
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO registration.accounts (id, kind, roles, email, email_confirmed_at, password_hash, full_name, nik_sealed, nik_lookup, kk_sealed,
                                          kk_digest, place_of_birth, date_of_birth, gender, phone)
       SELECT u.id, 'applicant', ARRAY['applicant'], u.email, now(), 'seeded-by-bench', u.name, u.nik, u.lookup, u.kk, u.kkd, u.place, u.dob::date, u.gender, u.phone
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS u(id, email, name, nik, lookup, kk, kkd, place, dob, gender, phone)`,
      [
        rows.map((r) => r.accountId),
        rows.map((r) => r.who.email),
        rows.map((r) => r.who.fullName),
        rows.map((r) => sealer.seal(r.nik)),
        rows.map((r) => sealer.lookup(r.nik)),
        rows.map((r) => sealer.seal(r.who.kkNumber)),
        rows.map((r) => kkDigest(r.who.kkNumber, TEST_KK_DIGEST_KEY)),
        rows.map((r) => r.who.placeOfBirth),
        rows.map((r) => r.who.dateOfBirth),
        rows.map((r) => r.who.gender),
        // Registration keeps phone numbers normalised to +62…, as sign-up stores them.
        rows.map((r) => `+62${r.who.phone.replace(/^0/, '')}`),
      ],
    );
    await db.query(
      `INSERT INTO registration.applications (id, period_id, account_id, formation_id, education, declarations)
       SELECT u.id, $1, u.account, u.formation, u.education::jsonb, $5::jsonb
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $6::text[]) AS u(id, account, formation, education)`,
      [
        o.periodId,
        rows.map((r) => r.applicationId),
        rows.map((r) => r.accountId),
        rows.map((r) => o.formationIds[r.i % o.formationIds.length]),
        JSON.stringify(DECLARATIONS),
        rows.map((r) =>
          JSON.stringify({
            level: 'S1',
            institution: 'Universitas Negeri Contoh',
            major: r.i % 2 === 0 ? 'Teknik Informatika' : 'Sistem Informasi',
            accreditation: 'Unggul',
            // Spread GPAs so SKB and placement tie-breaks have something to order; every n-th is below 3.00.
            gpa: r.i % o.tmsEvery === 0 ? 2.75 : 3 + (r.i % 100) / 100,
            graduationDate: '2022-08-30',
          }),
        ),
      ],
    );
    await db.query(
      `INSERT INTO registration.documents (id, application_id, type, media_type, size_bytes, sha256, content)
       SELECT gen_random_uuid(), u.app, 'pas-foto', 'image/jpeg', $2, $3, $4 FROM unnest($1::uuid[]) AS u(app)`,
      [rows.map((r) => r.applicationId), o.document.length, sha, o.document],
    );
    await db.query('COMMIT');
    for (const r of rows) {
      seeded.push({ accountId: r.accountId, applicationId: r.applicationId, token: testKeys().mint(r.accountId, ['applicant'], o.tokenTtlSeconds) });
    }
    o.onProgress(seeded.length);
  }
  return seeded;
}
