// Where an agreement's target is read: a figure credited to the helper side (派出, 采购, 拨付) at the helper's node —
// read at the helped side it would stay 0 all year — everything else at the target's county or the helped side.
import { describe, expect, it } from 'vitest';
import { targetNode } from './agreements';

const sihuiFuchuan = { helperDivisionCode: '441284000000', helpedDivisionCode: '451123000000' };

describe('an agreement target’s node', () => {
  it('reads a helper-credited figure at the helper, the rest at the helped side or the target’s county', () => {
    expect(targetNode(sihuiFuchuan, { indicator: 'consumption.purchased', divisionCode: null })).toBe('d:441284');
    expect(targetNode(sihuiFuchuan, { indicator: 'teams.professionalsSent', divisionCode: null })).toBe('d:441284');
    expect(targetNode(sihuiFuchuan, { indicator: 'teams.professionalsSentCounted', divisionCode: null })).toBe('d:441284');
    expect(targetNode(sihuiFuchuan, { indicator: 'funds.fiscalSent', divisionCode: '451123000000' })).toBe('d:441284');
    expect(targetNode(sihuiFuchuan, { indicator: 'social.donationMoney', divisionCode: null })).toBe('d:451123');
    expect(targetNode(sihuiFuchuan, { indicator: 'consumption.sold', divisionCode: null })).toBe('d:451123');
    expect(targetNode(sihuiFuchuan, { indicator: 'teams.professionalsExchanged', divisionCode: null })).toBe('d:451123');
    expect(
      targetNode({ ...sihuiFuchuan, helpedDivisionCode: '451100000000' }, { indicator: 'labour.employed', divisionCode: '451123000000' }),
    ).toBe('d:451123');
  });
});
