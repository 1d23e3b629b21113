// The engine's fact sources are the modules' own (platform/facts.ts is the contract; each module's facts.ts
// publishes them; services.facts gathers them). This file only finds one by key.
import type { FactSource } from '../../../platform/facts';

export type { DirtyRule, FactSource, PersonView } from '../../../platform/facts';

export function sourceByKey(sources: FactSource[], key: string): FactSource | undefined {
  return sources.find((s) => s.key === key);
}
