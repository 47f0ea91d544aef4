import type { TabSection } from '../../lib/feature-module.ts';
import { featureModules } from '../index.ts';

/** The sections the modules add to a tab's page, in their order (read at call time: the module list imports this file). */
export function tabSectionsOf(tab: string): TabSection[] {
  return featureModules
    .flatMap((module): readonly TabSection[] => module.tabSections ?? [])
    .filter((section) => section.tab === tab)
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}

/** What the modules add to the page of tab `tab` (its owner renders this where they belong). */
export function TabSections({ tab }: { tab: string }) {
  return (
    <>
      {tabSectionsOf(tab).map(({ id, component: Section }) => (
        <Section key={id} />
      ))}
    </>
  );
}
