/** What other features may use of notices (a lint rule holds other features to this file). */
export { noticesModule } from './module.ts';
export type { NoticeOffice, OfficedNotice } from './notice-office.ts';
export type { NoticesService } from './notices-service.ts';
