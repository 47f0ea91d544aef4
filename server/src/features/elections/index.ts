/** What other features may use of elections (a lint rule holds other features to this file). */
export { electionsModule } from './module.ts';
export { BYLAW_TEMPLATE_TITLE } from './bylaw-template.ts';
