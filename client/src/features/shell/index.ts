// The shell feature's public face: マイページ's 表示設定 section (language, display settings, install).
export { AppSettingsSection } from './AppSettingsSection.tsx';
