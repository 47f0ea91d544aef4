// The shell feature's public face: マイページ's 表示設定 section (language, display settings, install).
export { AppSettingsSection } from './AppSettingsSection.tsx';
// Sections other modules add to a tab's page (votes on 手続き).
export { TabSections } from './tab-sections.tsx';
