// A person's ID number as the labour tables hold it: ciphertext, keyed hash and masked form (never the clear text).
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';

export function sealIdNumber(cipher: Services['cipher'], idNumber: string) {
  return { idCipher: cipher.encrypt(idNumber), idHash: cipher.hash(idNumber), idMasked: maskIdNumber(idNumber) };
}

/** A numeric(18,2) column as a number (null stays null). */
export const numberOrNull = (v: string | number | null | undefined) => (v == null ? null : Number(v));

// 其中脱贫人口 in a query: `exists` over lifted_persons with the table's id_hash written qualified (drizzle writes a
// lone table's columns unqualified, and inside the subquery a bare id_hash would be the view's own).
export const isLifted = (table: 'labour_employments' | 'labour_class_members' | 'labour_trainees') =>
  sql.raw(`exists (select 1 from lifted_persons l where l.id_hash = ${table}.id_hash)`);
