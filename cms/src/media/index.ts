/** Rules for the media the agency publishes, installed in register() (cms/src/index.ts). */
import type { Core } from '@strapi/strapi';
import { registerRequireAlt } from './require-alt';
import { registerStripMetadata } from './strip-metadata';

export function registerMediaRules(strapi: Core.Strapi): void {
  registerRequireAlt(strapi);
  registerStripMetadata(strapi);
}
