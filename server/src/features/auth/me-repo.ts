import type { Me, Role } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Auth } from '../../plugins/auth.ts';

export function loadMe(db: Db, auth: Auth): Me {
  const m = db
    .prepare('SELECT id, employee_number, name, name_kana, unit_id, status, email, phone, preferred_language FROM members WHERE id = ?')
    .get(auth.actor.memberId) as {
    id: string;
    employee_number: string;
    name: string;
    name_kana: string;
    unit_id: string;
    status: Me['member']['status'];
    email: string | null;
    phone: string | null;
    preferred_language: 'ja' | 'en' | null;
  };
  const names = new Map(
    (db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]),
  );
  const grants = db.prepare('SELECT role, unit_id FROM role_grants WHERE member_id = ?').all(m.id) as { role: Role; unit_id: string }[];
  return {
    member: {
      id: m.id,
      employeeNumber: m.employee_number,
      name: m.name,
      nameKana: m.name_kana,
      unitId: m.unit_id,
      status: m.status,
      email: m.email,
      phone: m.phone,
      preferredLanguage: m.preferred_language,
    },
    unionName: names.get(auth.actor.unitPath[0] ?? '') ?? '',
    unitPath: auth.actor.unitPath.map((id) => ({ id, name: names.get(id) ?? '' })),
    grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id, unitName: names.get(g.unit_id) ?? '' })),
    session: { kind: auth.via === 'bearer' ? 'bearer' : (auth.sessionKind ?? 'personal'), kioskId: auth.kioskId },
  };
}
