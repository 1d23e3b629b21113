// After a restore: does the key decrypt the personal data? Every `<x>_cipher` column (the convention of
// platform/crypto/personalData.ts) is sampled; where a `<x>_hash` column stands beside it, the lookup hash of
// the decrypted value must match too (the hash key is part of the same key setting).
import type { PersonalDataCipher } from '../crypto/personalData';

export interface CipherCheck {
  checked: number;
  failed: number;
  /** the first column that failed, schema.table.column */
  where: string;
}

const SAMPLE = 20;

type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export async function checkCiphers(query: Query, cipher: PersonalDataCipher): Promise<CipherCheck> {
  const cols = await query<{ s: string; t: string; c: string; h: string | null }>(
    `select c.table_schema as s, c.table_name as t, c.column_name as c, h.column_name as h
       from information_schema.columns c
       join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
       left join information_schema.columns h on h.table_schema = c.table_schema and h.table_name = c.table_name
            and h.column_name = left(c.column_name, -length('_cipher')) || '_hash'
      where c.column_name like '%\\_cipher' and c.data_type = 'text' and c.table_schema not in ('pg_catalog', 'information_schema')`,
  );
  const result: CipherCheck = { checked: 0, failed: 0, where: '' };
  const q = (i: string) => `"${i.replace(/"/g, '""')}"`;
  for (const col of cols) {
    const rows = await query<{ v: string; h: string | null }>(
      `select ${q(col.c)} as v, ${col.h ? q(col.h) : 'null'} as h from ${q(col.s)}.${q(col.t)} where ${q(col.c)} is not null limit ${SAMPLE}`,
    );
    for (const r of rows) {
      result.checked++;
      try {
        const plain = cipher.decrypt(r.v);
        if (r.h !== null && cipher.hash(plain) !== r.h) throw new Error('hash');
      } catch {
        result.failed++;
        result.where ||= `${col.s}.${col.t}.${col.c}`;
      }
    }
  }
  return result;
}
