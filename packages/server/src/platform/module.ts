// A module manifest: everything a domain module gives the platform, in one place. Each module has one
// modules/<m>/index.ts that calls defineModule; modules/index.ts lists them; main.ts (and the test app)
// hand the list to the platform. The platform never imports a module.
import type { AttachmentOwner, AttachmentOwners } from './attachments/types';
import type { Directory } from './directory';
import type { FactSource, PersonView } from './facts';
import type { App } from './http/types';
import type { AnyLedger } from './ledgers/types';
import type { ReportChapter } from './reports';
import type { ModuleSeed } from './seed';

export interface ModuleDefinition {
  /** Lower-case name; its API lives under /api/<key>/ and its ledgers' keys start with it. */
  key: string;
  /** The module's Drizzle tables (its tables.ts): drizzle-kit reads the same files for the migrations. */
  tables: Record<string, unknown>;
  /** Its HTTP routes (one Fastify plugin). */
  routes?: (app: App) => Promise<void>;
  /** Its ledgers (台账): template, import, export under /api/ledgers/<key>. */
  ledgers?: AnyLedger[];
  /** Its fact sources, aggregated by the indicators engine. */
  facts?: FactSource[];
  /** Person views it owns that other modules' sources join (labour: lifted_persons) and the tables feeding them. */
  personViews?: PersonView[];
  /** Its chapter of the work report (工作报告), written from the dashboard's figures. */
  report?: ReportChapter;
  /** The kinds of record whose files (佐证材料) the platform keeps, each with its scope check (attachments/types.ts). */
  attachments?: AttachmentOwners;
  /** Lookups the platform needs from a shared kernel (registry: divisions; teams: the team tree). */
  directory?: Partial<Directory>;
  /** Data every installation needs, demo or not (the division tree), loaded at start until present. */
  referenceSeed?: ModuleSeed;
  /** First-start demo data, seeded in the order of the module list. */
  demoSeed?: ModuleSeed;
}

export function defineModule(def: ModuleDefinition): ModuleDefinition {
  if (!/^[a-z][a-z0-9]{1,31}$/.test(def.key)) throw new Error(`module key "${def.key}" must be lower-case letters and digits`);
  return def;
}

const NO_DIRECTORY: Directory = {
  teamSubtrees: async () => [],
  divisionNames: async () => [],
  teamNames: async () => [],
};

/** The platform's directory, assembled from the modules that provide its parts. */
export function directoryOf(modules: readonly ModuleDefinition[]): Directory {
  const directory = { ...NO_DIRECTORY };
  for (const m of modules) Object.assign(directory, m.directory ?? {});
  return directory;
}

export function factsOf(modules: readonly ModuleDefinition[]): FactSource[] {
  const facts = modules.flatMap((m) => m.facts ?? []);
  const seen = new Set<string>();
  for (const f of facts) {
    if (seen.has(f.key)) throw new Error(`fact source ${f.key} is published twice`);
    seen.add(f.key);
  }
  return facts;
}

export function personViewsOf(modules: readonly ModuleDefinition[]): PersonView[] {
  return modules.flatMap((m) => m.personViews ?? []);
}

/** Every module's attachment owners by `<module>.<kind>`. */
export function attachmentOwnersOf(modules: readonly ModuleDefinition[]): Map<string, AttachmentOwner> {
  const owners = new Map<string, AttachmentOwner>();
  for (const m of modules) for (const [kind, owner] of Object.entries(m.attachments ?? {})) owners.set(`${m.key}.${kind}`, owner);
  return owners;
}

/** The report chapters in module order (a module without one has nothing to say in reports). */
export function reportChaptersOf(modules: readonly ModuleDefinition[]): ReportChapter[] {
  return modules.flatMap((m) => (m.report ? [m.report] : []));
}
