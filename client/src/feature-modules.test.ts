import fs from 'node:fs';
import path from 'node:path';
import { syncedCollections, type CollectionName } from '@kumiai/shared';
import type { AnyRoute } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { featureModules, syncRegistrations } from './features/index.ts';
import type { FeatureModule } from './lib/feature-module.ts';
import { routeTree } from './router.ts';
import { memberRoute } from './routes/member.tsx';
import { rootRoute } from './routes/root.tsx';

const featuresDir = path.join(import.meta.dirname, 'features');
const modules: readonly FeatureModule[] = featureModules;

/** Every route of the tree under `route`, the route itself included. */
function allRoutes(route: AnyRoute): AnyRoute[] {
  const children = (route.children ?? []) as readonly AnyRoute[];
  return [route, ...children.flatMap(allRoutes)];
}

describe('the client feature module list', () => {
  it('lists a module.ts for every feature folder, named as the folder', () => {
    const byName = new Map(modules.map((m) => [m.name, m]));
    const folders = fs.readdirSync(featuresDir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [e.name] : []));
    expect(folders.length).toBeGreaterThan(15);
    for (const name of folders) {
      const files = fs.readdirSync(path.join(featuresDir, name));
      expect(files, `features/${name}/module.ts`).toContain('module.ts');
      const module = byName.get(name);
      expect(module, `features/${name}: its module is not in features/index.ts (or is named otherwise)`).toBeDefined();
      if (files.some((f) => f.endsWith('-route.tsx'))) expect(module?.routes?.length, `features/${name} has routes its module does not declare`).toBeGreaterThan(0);
    }
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
    expect(modules.length).toBe(folders.length);
  });

  it('builds the route tree from every module’s routes, under the root or the signed-in layout', () => {
    const inTree = allRoutes(routeTree);
    const declared = modules.flatMap((m) => (m.routes ?? []).map((route) => ({ feature: m.name, route })));
    expect(declared.length).toBeGreaterThan(30);
    for (const { feature, route } of declared) {
      expect(inTree, `${feature}: ${route.id}`).toContain(route);
      expect([rootRoute, memberRoute], `${feature}: ${route.id} hangs under neither the root nor memberRoute`).toContain(route.parentRoute);
    }
    // Nothing else: the tree is the root, the signed-in layout and the modules' routes.
    expect(inTree.length).toBe(declared.length + 2);
    expect(new Set(inTree.map((r): string => r.id as string)).size).toBe(inTree.length);
  });

  it('declares every synced collection in exactly one module', () => {
    const names = syncRegistrations.map((r) => r.name);
    expect([...names].sort()).toEqual((Object.keys(syncedCollections) as CollectionName[]).sort());
    for (const name of Object.keys(syncedCollections)) {
      const owners = modules.filter((m) => m.collections?.some((c) => c.name === name)).map((m) => m.name);
      expect(owners, name).toHaveLength(1);
    }
    // What the devices may change, and the conflict rule and push step forms bring, reach the engine.
    expect(syncRegistrations.find((r) => r.name === 'members')?.editableFields).toEqual(expect.arrayContaining(['phone', 'email']));
    const submissions = syncRegistrations.find((r) => r.name === 'submissions');
    expect(submissions?.masterWins).toBeTypeOf('function');
    expect(submissions?.beforePush).toBeTypeOf('function');
  });

  it('points every menu entry at a route of the tree, with unique ids', () => {
    const paths = new Set(allRoutes(routeTree).map((r) => r.fullPath as string));
    const entries = modules.flatMap((m) => m.nav ?? []);
    expect(entries.map((e) => e.id)).toEqual(['members', 'roster', 'cards', 'units', 'audit', 'kiosk', 'notices', 'forms', 'approvals', 'elections-manage', 'dues-totals', 'dues-checkoff', 'dues-members', 'dues-arrears', 'dues-rules', 'meetings-manage', 'consultations-desk', 'consultations-assigned', 'consultations-counts', 'federation', 'federation-unions']);
    // マイページ's links to the member's own records, each at a route of the tree.
    const meLinks = modules.flatMap((m) => m.meLinks ?? []);
    expect(meLinks.map((l) => l.id)).toEqual(['dues', 'meetings', 'calendar-feed', 'consultations']);
    for (const link of meLinks) expect(paths, link.id).toContain(link.to);
    for (const entry of entries) expect(paths, entry.id).toContain(entry.to);
    expect(modules.flatMap((m) => m.homeCards ?? []).map((c) => c.id)).toEqual(['not-activated', 'library', 'forms', 'notice-reminders', 'notices', 'notices-low-read', 'approvals', 'closing-surveys', 'elections', 'meetings', 'consultations', 'consultations-assigned']);
    // Every officer menu entry has a task group (名簿・組織 / 発信 / 手続き / 管理).
    expect(entries.filter((e) => e.group === undefined).map((e) => e.id)).toEqual([]);
  });

  it('builds the tab bar from the modules: five tabs in their order, each at a route of the tree', () => {
    const paths = new Set(allRoutes(routeTree).map((r) => r.fullPath as string));
    const tabs = modules.flatMap((m) => m.tabs ?? []).sort((a, b) => a.order - b.order);
    expect(tabs.map((t) => t.id)).toEqual(['home', 'notices', 'procedures', 'documents', 'me']);
    expect(tabs.map((t) => t.to)).toEqual(['/', '/notices', '/forms', '/documents', '/me']);
    expect(new Set(tabs.map((t) => t.order)).size).toBe(tabs.length);
    for (const tab of tabs) expect(paths, tab.id).toContain(tab.to);
  });

  it('adds other modules’ sections to a tab’s page only for a tab that exists: votes on 手続き', () => {
    const tabIds = new Set(modules.flatMap((m) => m.tabs ?? []).map((t) => t.id));
    const sections = modules.flatMap((m) => m.tabSections ?? []);
    expect(sections.map((s) => `${s.tab}/${s.id}`)).toEqual(['procedures/elections-to-vote', 'procedures/meetings-to-answer']);
    for (const section of sections) expect(tabIds, section.id).toContain(section.tab);
  });
});
