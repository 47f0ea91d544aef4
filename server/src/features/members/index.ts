/** What other features may use of members (a lint rule holds other features to this file). */
export { membersModule } from './module.ts';
export type { MemberColumns } from './members-repo.ts';
