/**
 * Vietnamese labels of enumeration values in the Content Manager (e.g. "Còn hiệu lực" for `con-hieu-luc`).
 * Strapi 5.54 names an option of the edit view's select and of the list filters by `formatMessage({ id: value })`,
 * so the labels of @thads/shared are given to the admin as translations keyed by value (`enumTranslations`,
 * merged into config.translations.vi in app.tsx). The list view's cells show the raw value; this hook of the
 * list view ("Admin/CM/pages/ListView/inject-column-in-table") gives enumeration columns a formatter that
 * shows the label instead.
 */
import { Typography } from '@strapi/design-system';
import { enumTranslations } from '@thads/shared';

type Header = {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, any>) => unknown;
} & Record<string, unknown>;

const LABELS = enumTranslations();

export const labelEnumColumns = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) =>
    header.attribute?.type === 'enumeration' && !header.cellFormatter
      ? {
          ...header,
          cellFormatter: (row: Record<string, any>) => (
            <Typography textColor="neutral800" title={row[header.name] ?? undefined}>
              {LABELS[row[header.name]] ?? row[header.name] ?? '-'}
            </Typography>
          ),
        }
      : header,
  ),
});
