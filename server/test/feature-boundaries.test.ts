import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js, run on fixture strings: a feature may
 * import another only through its `index.ts`, and the sync engine imports no
 * feature. (`pnpm lint` applies them to the tree; this shows they bite.)
 */
const root = path.resolve(import.meta.dirname, '../..');
let config: Linter.Config[];

beforeAll(async () => {
  const loaded = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as { default: Linter.Config[] };
  // Only the import rules: the type-aware ones would need a TypeScript program for the fixture.
  config = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...loaded.default
      .filter((block) => block.rules?.['no-restricted-imports'] !== undefined)
      .map((block) => ({ files: block.files, rules: { 'no-restricted-imports': block.rules!['no-restricted-imports']! } })),
  ];
});

function problems(file: string, code: string): string[] {
  const linter = new Linter({ cwd: root });
  return linter.verify(code, config, { filename: path.join(root, file) }).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('feature boundaries (eslint.config.js)', () => {
  it("refuses another feature's internals, from any depth, for values and types alike; allows its index.ts, one's own files, the module list and the kernel", () => {
    const cases: [file: string, code: string, refused: boolean][] = [
      ['server/src/features/kiosk/kiosk-routes.ts', "import { setSessionCookie } from '../auth/cookies.ts';", true],
      ['server/src/features/comments/comments-service.ts', "import type { NoticesRepo } from '../notices/notices-repo.ts';", true],
      ['server/src/features/push/push-service.ts', "import { authModule } from '../auth/module.ts';", true],
      ['server/src/features/forms/sub/deep.ts', "import type { ActorRepo } from '../../auth/actor-repo.ts';", true],
      ['server/src/features/forms/forms-service.ts', "import { x } from '../../features/data-rights/data-rights-repo.ts';", true],
      ['server/src/features/kiosk/kiosk-routes.ts', "import { setSessionCookie } from '../auth/index.ts';", false],
      ['server/src/features/notices/notices-service.ts', "import { NoticesRepo } from './notices-repo.ts';", false],
      ['server/src/features/forms/sub/deep.ts', "import { FormsRepo } from '../forms-repo.ts';", false],
      ['server/src/features/audit/audit-service.ts', "import type { AuditAction } from '../index.ts';", false],
      ['server/src/features/units/units-service.ts', "import { mutate } from '../../lib/mutate.ts';", false],
    ];
    for (const [file, code, refused] of cases) {
      expect(problems(file, code), `${file}: ${code}`).toEqual(refused ? [expect.stringMatching(/^no-restricted-imports: .*index\.ts/)] : []);
    }
  });

  it('keeps the sync engine free of features, even of their index.ts', () => {
    expect(problems('server/src/sync/engine.ts', "import { authModule } from '../features/auth/index.ts';")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*must not import a feature/),
    ]);
  });
});
