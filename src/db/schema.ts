// The Drizzle schema, one module for every importer and for drizzle-kit (drizzle.config.ts); the
// tables live in src/db/schema/, a file per area.
export * from './schema/reference.ts';
export * from './schema/parks.ts';
export * from './schema/registry.ts';
export * from './schema/analysis.ts';
export * from './schema/access.ts';
export * from './schema/projects.ts';
export * from './schema/problems.ts';
export * from './schema/leadership.ts';
export * from './schema/maps.ts';
export * from './schema/links.ts';
export * from './schema/needs.ts';
export * from './schema/ecology-people.ts';
export * from './schema/platforms.ts';
