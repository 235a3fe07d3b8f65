/**
 * Embedded defaults for one machine: when cms/.env is missing, write one with fresh random
 * secrets (never committed). Production sets these variables itself.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ENV_FILE = path.resolve(__dirname, '..', '.env');
const rnd = () => crypto.randomBytes(16).toString('base64');

function ensureEnv() {
  if (fs.existsSync(ENV_FILE)) return ENV_FILE;
  const lines = [
    '# Generated on first start for this machine only. Never commit this file.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[rnd(), rnd(), rnd(), rnd()].join(',')}`,
    `API_TOKEN_SALT=${rnd()}`,
    `ADMIN_JWT_SECRET=${rnd()}`,
    `TRANSFER_TOKEN_SALT=${rnd()}`,
    `JWT_SECRET=${rnd()}`,
    `ENCRYPTION_KEY=${rnd()}`,
    'DATABASE_FILENAME=.tmp/data.db',
  ];
  fs.writeFileSync(ENV_FILE, lines.join('\n') + '\n', { mode: 0o600 });
  return ENV_FILE;
}

module.exports = { ensureEnv, ENV_FILE };
if (require.main === module) console.log(ensureEnv());
