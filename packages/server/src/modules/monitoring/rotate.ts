// Key rotation for monitoring's personal data: re-encrypts every ID number and health record whose
// ciphertext was made with an older key (cipher.needsRotation). The keyed hash does not change, so
// lookups and the one-household rule keep working. Run after putting a new key first in XIEZUO_DATA_KEY
// (keep the old key listed until this has run):
//   npx tsx packages/server/src/modules/monitoring/rotate.ts
import { pathToFileURL } from 'node:url';
import { asc, eq, gt } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Services } from '../../platform/context';
import { openContact, sealContact } from './contact';
import { monitoringHouseholds as H, monitoringMembers as M } from './tables';

export async function rotateMonitoringKeys(
  services: Services,
  batch = 500,
): Promise<{ checked: number; rotated: number; households: number }> {
  const { db, cipher } = services;
  let last = 0;
  let checked = 0;
  let rotated = 0;
  for (;;) {
    const rows = await db
      .select({ id: M.id, idCipher: M.idCipher, healthCipher: M.healthCipher })
      .from(M)
      .where(gt(M.id, last))
      .orderBy(asc(M.id))
      .limit(batch);
    if (rows.length === 0) break;
    last = rows[rows.length - 1].id;
    checked += rows.length;
    const stale = rows.filter((r) => cipher.needsRotation(r.idCipher) || cipher.needsRotation(r.healthCipher));
    if (stale.length === 0) continue;
    await db.transaction(async (tx) => {
      for (const r of stale) {
        await tx
          .update(M)
          .set({ idCipher: cipher.encrypt(cipher.decrypt(r.idCipher)), healthCipher: cipher.encrypt(cipher.decrypt(r.healthCipher)) })
          .where(eq(M.id, r.id));
      }
      await writeAudit(
        tx,
        { id: null, name: 'system', ip: null },
        { action: 'update', entity: 'monitoring_key_rotation', after: { members: stale.map((r) => r.id) } },
      );
    });
    rotated += stale.length;
  }
  return { checked, rotated, households: await rotateContacts(services, batch) };
}

/** Households' phones and addresses (ciphertext since #21) made with an older key, re-encrypted. */
async function rotateContacts(services: Services, batch: number): Promise<number> {
  const { db, cipher } = services;
  let last = 0;
  let rotated = 0;
  const stale = (v: string | null) => v != null && cipher.needsRotation(v);
  for (;;) {
    const rows = await db
      .select({ id: H.id, phone: H.phone, address: H.address })
      .from(H)
      .where(gt(H.id, last))
      .orderBy(asc(H.id))
      .limit(batch);
    if (rows.length === 0) return rotated;
    last = rows[rows.length - 1].id;
    const old = rows.filter((r) => stale(r.phone) || stale(r.address));
    if (!old.length) continue;
    await db.transaction(async (tx) => {
      const again = (v: string | null) => (v == null ? null : sealContact({ services }, openContact({ services }, v)));
      for (const r of old)
        await tx
          .update(H)
          .set({ phone: again(r.phone), address: again(r.address) })
          .where(eq(H.id, r.id));
      await writeAudit(
        tx,
        { id: null, name: 'system', ip: null },
        { action: 'update', entity: 'monitoring_key_rotation', after: { households: old.map((r) => r.id) } },
      );
    });
    rotated += old.length;
  }
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { loadConfig } = await import('../../config');
  const { startServices } = await import('../../platform/bootstrap');
  const { modules } = await import('..');
  const { services } = await startServices({ ...loadConfig(), seedDemo: false }, modules);
  const result = await rotateMonitoringKeys(services);
  console.log(
    `checked ${result.checked} members, re-encrypted ${result.rotated}; re-encrypted the phone and address of ${result.households} households`,
  );
  await services.database.close();
}
