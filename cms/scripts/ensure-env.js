/**
 * Embedded defaults for one machine: when cms/.env is missing, write one with fresh random
 * secrets (never committed). Production sets these variables itself.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ENV_FILE = path.resolve(__dirname, '..', '.env');
const rnd = () => crypto.randomBytes(16).toString('base64');

/** Adds PUBLISHER_SECRET (shared by Strapi's webhook and the publisher, see site/README.md) to a file written before it existed. */
function ensurePublisherSecret() {
  const text = fs.readFileSync(ENV_FILE, 'utf8');
  if (/^PUBLISHER_SECRET=./m.test(text)) return;
  fs.appendFileSync(ENV_FILE, `${text.endsWith('\n') || !text ? '' : '\n'}PUBLISHER_SECRET=${crypto.randomBytes(24).toString('base64url')}\n`);
}

/** The value of one variable of cms/.env (after ensureEnv), or undefined. */
function readEnvValue(name) {
  const line = fs.readFileSync(ENV_FILE, 'utf8').split(/\r?\n/).find((l) => l.startsWith(`${name}=`));
  return line ? line.slice(name.length + 1).trim().replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

function ensureEnv() {
  if (fs.existsSync(ENV_FILE)) {
    ensurePublisherSecret();
    return ENV_FILE;
  }
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
    `PUBLISHER_SECRET=${crypto.randomBytes(24).toString('base64url')}`,
  ];
  fs.writeFileSync(ENV_FILE, lines.join('\n') + '\n', { mode: 0o600 });
  return ENV_FILE;
}

module.exports = { ensureEnv, readEnvValue, ENV_FILE };
if (require.main === module) console.log(ensureEnv());
