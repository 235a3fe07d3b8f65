/**
 * One import writes at a time. A small file is written while the editor's request waits; a large one
 * (more than SYNC_ROWS rows to write) in the background, after the editor's request is answered, and the
 * admin page asks for its progress. The job lives in this process's memory: behind several
 * Strapi instances, the page must reach the one that runs it (sticky sessions), or the file is imported on
 * one instance only — importing it again is harmless either way.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../history/actor';
import { rowsToWrite, writeRows, type ImportPlan } from './import';

export const SYNC_ROWS = 200;

export type ImportJob = {
  id: string;
  state: 'dang-ghi' | 'xong' | 'loi';
  fileName: string;
  by: string;
  total: number;
  written: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  plan: ImportPlan;
};

let current: ImportJob | null = null;

export class ImportBusy extends Error {
  override name = 'ImportBusy';
  constructor() {
    super('Đang có một lần nhập khác chạy; vui lòng chờ xong rồi nhập tiếp.');
  }
}

export const importJob = (): ImportJob | null => current;
export const importRunning = () => current?.state === 'dang-ghi';

/**
 * Writes the plan's rows; resolves when written for a small plan, at once (job running) for a large one.
 * `later` defers the start of a large one (the route starts it once its answer is sent: on SQLite the
 * writes hold the only connection, and the end of the editor's own request would otherwise wait for them).
 */
export async function runImport(strapi: Core.Strapi, plan: ImportPlan, by: string, actor: Actor, later: (start: () => void) => void = (start) => start()): Promise<ImportJob> {
  if (importRunning()) throw new ImportBusy();
  const job: ImportJob = { id: crypto.randomUUID(), state: 'dang-ghi', fileName: plan.fileName, by, total: rowsToWrite(plan), written: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null, plan };
  current = job;
  const write = () => writeRows(strapi, plan.rows, { by, actor, fileName: plan.fileName, source: `Nhập từ tệp "${plan.fileName}".` }, (n) => (job.written = n));
  const background = job.total > SYNC_ROWS;
  const work = (background ? new Promise<void>((resolve) => later(resolve)).then(write) : write())
    .then(() => {
      job.state = 'xong';
    })
    .catch((error: Error) => {
      job.state = 'loi';
      job.written = 0;
      job.error = `Ghi dữ liệu không thành công (${error.message}); chưa dòng nào được lưu. Hãy nhập lại tệp.`;
      strapi.log.error(`Nhập danh sách chưa có điều kiện thi hành: ${error.stack ?? error.message}`);
    })
    .finally(() => {
      job.finishedAt = new Date().toISOString();
    });
  if (!background) await work;
  return job;
}
