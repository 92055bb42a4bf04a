export { applyMigrations, migrationNames, MigrationError, type ApplyResult } from './apply.ts';
export { migrationChecksum } from './checksum.ts';
export { compareDatabaseToSchema, parseSchema, type SchemaDifference } from './schema-check.ts';
