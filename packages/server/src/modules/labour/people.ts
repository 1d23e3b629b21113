// A person's ID number as the labour tables hold it: ciphertext, keyed hash and masked form (never the clear text).
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import type { Services } from '../../platform/context';

export function sealIdNumber(cipher: Services['cipher'], idNumber: string) {
  return { idCipher: cipher.encrypt(idNumber), idHash: cipher.hash(idNumber), idMasked: maskIdNumber(idNumber) };
}

/** A numeric(18,2) column as a number (null stays null). */
export const numberOrNull = (v: string | number | null | undefined) => (v == null ? null : Number(v));
