import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { alertSettings } from './settings';
import { sendAlertMail } from './mailer';

const require = createRequire(import.meta.url);

describe('sendAlertMail without SMTP_HOST', () => {
  it('builds the message with the real provider and writes it to the mail folder instead of sending it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-mail-'));
    try {
      // The provider as config/plugins.ts sets it up when SMTP_HOST is unset: nothing leaves the machine.
      const provider = require('@strapi/provider-email-nodemailer').init({ streamTransport: true, buffer: true, newline: 'unix' }, { defaultFrom: 'no-reply@localhost' });
      const strapi = { plugin: () => ({ service: () => ({ send: (options: unknown) => provider.send(options) }) }), dirs: { app: { root } } } as any;
      const settings = alertSettings({ APP_KEYS: 'a,b' });
      expect(settings.smtpConfigured).toBe(false);
      await sendAlertMail(strapi, settings, { to: 'ban-doc@example.com', subject: 'Thông cáo báo chí: Đợt cưỡng chế', text: 'Nội dung', html: '<p>Nội dung</p>', messageId: '<alert-7@thads.example>', unsubscribe: 'https://cms.thads.example/api/alerts/unsubscribe?s=a&t=b' });
      const file = path.join(root, '.tmp', 'mail', '_alert-7_thads.example_.eml');
      const raw = fs.readFileSync(file, 'utf8').replace(/\n[ \t]+/g, ' '); // headers unfolded
      expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/cms\.thads\.example\/api\/alerts\/unsubscribe\?s=a&t=b>$/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(raw).toMatch(/^Message-ID: <alert-7@thads\.example>$/m);
      expect(raw).toContain('multipart/alternative');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
