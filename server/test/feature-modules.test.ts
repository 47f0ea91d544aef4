import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureModules } from '../src/features/index.ts';
import type { AnyFeatureModule } from '../src/lib/feature-module.ts';
import { createServices } from '../src/services.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const featuresDir = path.join(import.meta.dirname, '../src/features');
const modules: readonly AnyFeatureModule[] = featureModules;

/** The routes a module's `routes` registers, on an app of its own. */
async function routesOf(module: AnyFeatureModule, server: TestServer): Promise<string[]> {
  const probe = Fastify();
  const seen: string[] = [];
  probe.addHook('onRoute', (route) => {
    seen.push(`${String(route.method)} ${route.url}`);
  });
  module.routes?.(probe, server.services);
  await probe.ready();
  await probe.close();
  return seen;
}

describe('the feature module list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists a module.ts for every feature folder, and the module declares what the folder holds', () => {
    const byName = new Map(modules.map((m) => [m.name, m]));
    const folders = fs.readdirSync(featuresDir, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders) {
      const files = fs.readdirSync(path.join(featuresDir, folder.name));
      expect(files, `features/${folder.name}/module.ts`).toContain('module.ts');
      const module = byName.get(folder.name);
      expect(module, `features/${folder.name}: its module is not in features/index.ts (or is named otherwise)`).toBeDefined();
      if (files.some((f) => f.endsWith('-routes.ts'))) expect(module?.routes !== undefined, `features/${folder.name} has routes its module does not register`).toBe(true);
      if (files.some((f) => f.endsWith('-sync.ts'))) expect(module?.collections !== undefined, `features/${folder.name} has synced collections its module does not declare`).toBe(true);
    }
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
  });

  it('registers every module’s routes in the app', async () => {
    const registered = new Set(server.routes.map((r) => `${r.method} ${r.url}`));
    let count = 0;
    for (const module of modules) {
      for (const route of await routesOf(module, server)) {
        expect(registered, `${module.name}: ${route}`).toContain(route);
        count++;
      }
    }
    expect(count).toBeGreaterThan(40);
  });

  it('registers every module’s synced collections with the engine', () => {
    const names = modules.flatMap((m) => (m.collections?.(server.services) ?? []).map((c) => c.name));
    expect(names).toEqual(expect.arrayContaining(['units', 'members', 'notices', 'reads', 'notice_comments', 'documents', 'forms', 'submissions']));
    for (const name of names) expect(server.services.sync.has(name), name).toBe(true);
  });

  it('schedules every module’s jobs', () => {
    const declared = modules.flatMap((m) => (m.jobs?.(server.services) ?? []).map((j) => ({ feature: m.name, every: j.every })));
    expect(declared).toEqual(expect.arrayContaining([{ feature: 'notices', every: 'poll' }, { feature: 'data-rights', every: 'hourly' }]));
    expect(server.jobs).toEqual(declared);
  });

  it('refuses a module listed before a module it depends on', () => {
    const notices = modules.find((m) => m.name === 'notices')!;
    const reordered = [notices, ...modules.filter((m) => m !== notices)];
    expect(() => createServices(server.db, server.clock, server.config, [], reordered)).toThrow(/notices depends on auth/);
  });

  it('declares every audit action and push kind once', () => {
    const actions = modules.flatMap((m) => m.auditActions);
    expect(new Set(actions).size).toBe(actions.length);
    const kinds = modules.flatMap((m) => m.pushKinds);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
