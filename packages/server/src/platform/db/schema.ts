// The one schema source: every module's tables, gathered for Drizzle and drizzle-kit.
export * from '../audit/tables';
export * from '../auth/tables';
export * from '../calendar/tables';
export * from '../ledgers/tables';
export * from '../../modules/registry/tables';
export * from '../../modules/teams/tables';
export * from '../../modules/monitoring/tables';
export * from '../../modules/indicators/tables';
