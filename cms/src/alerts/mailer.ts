/**
 * Sends one alert mail through the CMS's email provider (config/plugins.ts: nodemailer to the SMTP relay of
 * SMTP_HOST, pooled). Without SMTP_HOST the provider only builds the message and it is written to
 * ALERTS_MAIL_DIR as a .eml file: nothing leaves the machine in development.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { AlertSettings } from './settings';
import type { Rendered } from './render';

export type OutgoingMail = Rendered & { to: string; messageId: string; unsubscribe?: string; returnPath?: string };

/** Sends; throws on failure, with `permanent` set when the relay refused for good (5xx: unknown mailbox…). */
export async function sendAlertMail(strapi: Core.Strapi, settings: AlertSettings, mail: OutgoingMail): Promise<void> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
  if (mail.unsubscribe) {
    headers['List-Unsubscribe'] = `<${mail.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  let info: any;
  try {
    info = await strapi.plugin('email').service('email').send({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers,
      // VERP (bounces.ts): the relay's delivery reports come back to this mail's own address.
      ...(mail.returnPath ? { envelope: { from: mail.returnPath, to: mail.to } } : {}),
    });
  } catch (error: any) {
    const code = Number(error?.responseCode);
    const permanent = (code >= 500 && code < 600) || error?.code === 'EENVELOPE';
    throw Object.assign(new Error(String(error?.response || error?.message || error).slice(0, 500)), { permanent });
  }
  if (!settings.smtpConfigured && info?.message) {
    const dir = mailDir(strapi, settings);
    fs.mkdirSync(dir, { recursive: true });
    const name = mail.messageId.replace(/[^a-z0-9.-]/gi, '_');
    fs.writeFileSync(path.join(dir, `${name}.eml`), info.message);
  }
}

/** Where mails are written without SMTP_HOST (ALERTS_MAIL_DIR, relative to cms/). */
export const mailDir = (strapi: Core.Strapi, settings: AlertSettings) => path.resolve(strapi.dirs.app.root, settings.mailDir);

/** Closes the provider's pooled SMTP connections (at Strapi's destroy). */
export function closeMailer(strapi: Core.Strapi) {
  try {
    (strapi.plugin('email') as any)?.provider?.close?.();
  } catch {
    /* already closed */
  }
}
