import type { Core } from '@strapi/strapi';
import { COMPONENT_LABELS, FIELD_LABELS, LIST_COLUMNS, MAIN_FIELD, labelFor, type Label } from '../field-labels';

/** Writes the Vietnamese labels (../field-labels.ts) into the Content Manager's view configuration at every boot. */
function applyLabels(configuration: any, labels: (field: string) => Label | undefined) {
  for (const [field, meta] of Object.entries<any>(configuration.metadatas ?? {})) {
    const label = labels(field);
    if (!label) continue;
    if (meta.edit) {
      meta.edit.label = label[0];
      if (label[1]) meta.edit.description = label[1];
    }
    if (meta.list) meta.list.label = label[0];
  }
  return configuration;
}

/** Writes the Vietnamese labels into the Content Manager configuration (read, modify, write back). */
export async function applyFieldLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const ctService = cm.service('content-types') as any;
  const compService = cm.service('components') as any;
  for (const uid of Object.keys(FIELD_LABELS)) {
    const contentType = ctService.findContentType(uid);
    if (!contentType) continue;
    const conf = await ctService.findConfiguration(contentType);
    applyLabels(conf, (f) => labelFor(uid, f));
    if (MAIN_FIELD[uid]) conf.settings.mainField = MAIN_FIELD[uid];
    if (LIST_COLUMNS[uid]) conf.layouts.list = [...LIST_COLUMNS[uid]];
    conf.settings.defaultSortBy = 'updatedAt';
    conf.settings.defaultSortOrder = 'DESC';
    const { uid: _uid, ...rest } = conf;
    await ctService.updateConfiguration(contentType, rest);
  }
  for (const uid of Object.keys(COMPONENT_LABELS)) {
    const component = compService.findComponent(uid);
    if (!component) continue;
    const conf = await compService.findConfiguration(component);
    applyLabels(conf, (f) => labelFor(uid, f, true));
    const { uid: _uid, category: _c, ...rest } = conf;
    await compService.updateConfiguration(component, rest);
  }
}
