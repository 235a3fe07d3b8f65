/** The alert tables (content types hidden from the Content Manager), for the queries that must be fast or atomic. */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

export const SUBSCRIPTION_UID = 'api::alert-subscription.alert-subscription';
export const BATCH_UID = 'api::alert-batch.alert-batch';
export const DELIVERY_UID = 'api::alert-delivery.alert-delivery';
export const DELIVERIES = 'alert_deliveries';
export const SUBSCRIPTIONS = 'alert_subscriptions';
export const BATCHES = 'alert_batches';

export const knexOf = (strapi: Core.Strapi) => strapi.db.connection as any;

/** A Strapi document id for rows inserted below the Document Service. */
export const newDocumentId = () => randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(24, '0').slice(0, 24);

/** JSON columns: jsonb on PostgreSQL (parsed by the driver), text on SQLite. */
export const readJson = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
};

/** Indexes the queue's queries rely on (idempotent; Strapi keeps indexes it did not declare). */
export async function ensureAlertIndexes(strapi: Core.Strapi) {
  const knex = knexOf(strapi);
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS alert_deliveries_unique_key_ux ON ${DELIVERIES} (unique_key)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_deliveries_state_ix ON ${DELIVERIES} (state, next_attempt_at)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_deliveries_batch_ix ON ${DELIVERIES} (batch_id, state)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_deliveries_claim_ix ON ${DELIVERIES} (claim_token)`);
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS alert_batches_key_ux ON ${BATCHES} (${'"key"'})`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_batches_state_ix ON ${BATCHES} (state, due_at)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_subscriptions_email_ix ON ${SUBSCRIPTIONS} (email)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS alert_subscriptions_state_ix ON ${SUBSCRIPTIONS} (state, frequency)`);
}
