// A household's phone number and address (联系电话、住址): personal data, stored encrypted like ID numbers
// (the columns `phone` and `address` hold ciphertext), shown masked, revealed with an audit entry.
// Rows written before this rule hold plain text until sealPlainContacts() runs (at every start).
import { and, asc, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { monitoringHouseholds as H } from './tables';

type WithCipher = Pick<Ctx, 'services'>;

// "<keyId>.<iv 12 bytes>.<tag 16 bytes>.<ciphertext>" as PersonalDataCipher writes it
const CIPHERTEXT = /^[\w-]+\.[A-Za-z0-9+/]{16}\.[A-Za-z0-9+/]{22}==\.[A-Za-z0-9+/=]*$/;

/** A value as stored: ciphertext, or null for none ('' clears it). */
export function sealContact(ctx: WithCipher, plain: string | null | undefined): string | null {
  return plain == null || plain === '' ? null : ctx.services.cipher.encrypt(plain);
}

/** The stored value in the clear (a value from before encryption is returned as it is). */
export function openContact(ctx: WithCipher, stored: string | null): string | null {
  if (stored == null) return null;
  return CIPHERTEXT.test(stored) ? ctx.services.cipher.decrypt(stored) : stored;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** An address masked: its first characters (the village or group, which the list shows anyway) only. */
export function maskAddress(address: string | null): string | null {
  if (!address) return null;
  const chars = [...address];
  return `${chars.slice(0, Math.min(3, Math.floor(chars.length / 2))).join('')}******`;
}

/** Encrypts phones and addresses still stored in the clear; idempotent and cheap when none are left. */
export async function sealPlainContacts(ctx: WithCipher, batch = 500): Promise<number> {
  const { db } = ctx.services;
  const plain = (c: typeof H.phone | typeof H.address) =>
    and(isNotNull(c), sql`${c} !~ '^[A-Za-z0-9_-]+\\.[A-Za-z0-9+/]{16}\\.[A-Za-z0-9+/]{22}==\\.'`);
  let last = 0;
  let sealed = 0;
  for (;;) {
    const rows = await db
      .select({ id: H.id, phone: H.phone, address: H.address })
      .from(H)
      .where(and(gt(H.id, last), or(plain(H.phone), plain(H.address))))
      .orderBy(asc(H.id))
      .limit(batch);
    if (!rows.length) return sealed;
    last = rows[rows.length - 1].id;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const seal = (v: string | null) => (v == null || CIPHERTEXT.test(v) ? v : sealContact(ctx, v));
        await tx
          .update(H)
          .set({ phone: seal(r.phone), address: seal(r.address) })
          .where(sql`${H.id} = ${r.id}`);
      }
    });
    sealed += rows.length;
  }
}
