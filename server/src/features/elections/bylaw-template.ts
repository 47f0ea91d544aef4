import fs from 'node:fs';
import type { Actor } from '@kumiai/shared';
import { markdownBlocks, textPdf } from '../../lib/text-pdf.ts';
import type { DocumentsService } from '../documents/index.ts';
import type { UploadsService } from '../uploads/index.ts';

/**
 * The model bylaw clause for electronic voting (`bylaw-electronic-voting.md`
 * beside this file, Japanese to adopt and English for reference), filed as a
 * PDF in the 規約 folder when a union is set up, so the commission finds it
 * where the bylaws live and can adopt it.
 */

/** The folder every union starts with (migration 20261124-0007). */
export const BYLAWS_FOLDER = 'folder-bylaws';
export const BYLAW_TEMPLATE_TITLE = '規約例文:電磁的方法による直接無記名投票';
export const BYLAW_TEMPLATE_TITLE_EN = 'Model bylaw clause: direct secret ballot by electronic means';

export function bylawTemplateMarkdown(): string {
  return fs.readFileSync(new URL('./bylaw-electronic-voting.md', import.meta.url), 'utf8');
}

export function bylawTemplatePdf(): Buffer {
  return textPdf(BYLAW_TEMPLATE_TITLE, markdownBlocks(bylawTemplateMarkdown()));
}

/** Files the clause in 規約 for the whole union, as the first admin (who may replace or remove it like any document). */
export function fileBylawTemplate(services: { documents: DocumentsService; uploads: UploadsService }, admin: Actor): { id: string } {
  const file = services.uploads.store(admin, '規約例文_電磁的方法による投票.pdf', bylawTemplatePdf());
  return services.documents.create(admin, {
    folderId: BYLAWS_FOLDER,
    title: BYLAW_TEMPLATE_TITLE,
    titleEn: BYLAW_TEMPLATE_TITLE_EN,
    description: '役員選挙・スト権投票・規約改正を電子投票で行うときに規約へ加える条文の例です。組合の規約改正の手続で採用してください。',
    descriptionEn: 'A clause to add to the bylaws before using electronic voting for officer elections, strike votes and bylaw amendments. Adopt it by the union’s procedure for amending its bylaws.',
    audience: { all: true, units: [], roles: [], members: [] },
    file,
  });
}
