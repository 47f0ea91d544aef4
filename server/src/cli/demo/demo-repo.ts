import { BYLAW_TEMPLATE_TITLE } from '../../features/elections/index.ts';
import { Repository } from '../../lib/statements.ts';

/** What the demo reads: whether the database holds anything beyond what setup alone creates, and ids by code. */
export class DemoRepo extends Repository {
  /**
   * Rows that setup alone never creates. Setup creates the union (one unit),
   * its first admin (one member, with one role) and the model bylaw clause the
   * admin files in 規約 (elections' `fileBylawTemplate`); the built-in
   * application templates (`tpl-…`) and folders (no author) come with the migrations.
   */
  realData(): { members: number; units: number; notices: number; documents: number; forms: number; submissions: number } {
    const count = (sql: string) => this.sql(sql).pluck().get() as number;
    return {
      members: Math.max(0, count('SELECT count(*) FROM members') - 1),
      units: Math.max(0, count('SELECT count(*) FROM units') - 1),
      notices: count('SELECT count(*) FROM notices'),
      documents: this.sql("SELECT count(*) FROM documents WHERE author_id IS NOT NULL AND NOT (folder_id = 'folder-bylaws' AND title = ?)").pluck().get(BYLAW_TEMPLATE_TITLE) as number,
      forms: count("SELECT count(*) FROM forms WHERE id NOT LIKE 'tpl-%'"),
      submissions: count('SELECT count(*) FROM submissions'),
    };
  }

  isSetUp(): boolean {
    return this.sql('SELECT 1 FROM units WHERE parent_id IS NULL').get() !== undefined;
  }

  unitIdByCode(code: string): string {
    return this.sql('SELECT id FROM units WHERE code = ?').pluck().get(code) as string;
  }

  rootUnitId(): string {
    return this.sql('SELECT id FROM units WHERE parent_id IS NULL').pluck().get() as string;
  }

  unionName(): string {
    return this.sql('SELECT name FROM units WHERE parent_id IS NULL').pluck().get() as string;
  }

  memberIdByEmployeeNumber(employeeNumber: string): string {
    return this.sql('SELECT id FROM members WHERE employee_number = ?').pluck().get(employeeNumber) as string;
  }
}
