// The templates' example rows are invented (issue #21, item 9): no name or ID number of a person the demo
// data stores — a template is handed around, and its sample row must never be someone on record.
import { isValidIdNumber } from '@xiezuo/shared/codes/idNumber';
import { describe, expect, it } from 'vitest';
import { sampleRowOf } from '../../../platform/ledgers/layout';
import { demoHouseholds } from '../demo';
import { monitoringLedgers } from './index';

describe('monitoring ledger templates', () => {
  const people = demoHouseholds(Array.from({ length: 13 }, (_, i) => `4412241092${String(i).padStart(2, '0')}`)).flatMap((h) => h.members);
  const names = new Set(people.flatMap((p) => [p.name, p.name.replace(/（.*）$/, '')]));
  const ids = new Set(people.map((p) => p.idNumber));

  it.each(monitoringLedgers.map((l) => [l.key, l] as const))('%s: the example row names no stored person', (_key, ledger) => {
    const sample = sampleRowOf(ledger);
    for (const c of ledger.columns) {
      const v = sample[c.key];
      if (v == null) continue;
      if (c.type === 'idNumber') {
        expect(isValidIdNumber(String(v)), c.key).toBe(true);
        expect(ids.has(String(v)), `${c.key} ${v}`).toBe(false);
      }
      if (c.type === 'text') expect(names.has(String(v).replace(/（.*）$/, '')), `${c.key} ${v}`).toBe(false);
    }
  });
});
