/** Backup and restore of the CMS (database and media): see backup.ts, restore.ts; scripts/backup.js, restore.js. */
export { createBackup, type BackupSummary } from './backup';
export { restoreBackup, RestoreRefused, type RestoreSummary } from './restore';
