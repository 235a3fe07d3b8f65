/**
 * The organisation chart (/gioi-thieu/so-do-to-chuc/), drawn at build time from the units and their `parent`
 * relation: a tree (the same one the page shows as a nested list, the accessible form) and the geometry of an
 * SVG picture of it. No charting library: boxes, wrapped text and elbow connectors.
 *
 * Layout: the root (the provincial agency) on top; its children in columns by kind (the divisions, the regional
 * offices), each column a stack of boxes hanging from a rail; deeper levels indented under their parent in the
 * column. Several roots (units without a parent) sit side by side as columns of their own.
 */
import { UNIT_KINDS, type UnitKind } from '@thads/shared';

export type OrgUnit = {
  slug: string;
  name: string;
  kind: UnitKind;
  head?: string | null | undefined;
  headTitle?: string | null | undefined;
  order?: number | null | undefined;
  active?: boolean | null | undefined;
  parent?: { slug: string } | null | undefined;
};

export type OrgNode = { unit: OrgUnit; children: OrgNode[] };

const byOrder = (a: OrgUnit, b: OrgUnit) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.name.localeCompare(b.name, 'vi');

/**
 * The active units as a forest: a unit hangs under its parent when that parent is active too; the others are
 * roots. Siblings by `order`, then name. A cycle of parents (an editing mistake) cannot loop: each unit is
 * placed once, and units only reachable through a cycle become roots.
 */
export function orgTree(units: readonly OrgUnit[]): OrgNode[] {
  const active = units.filter((u) => u.active !== false).sort(byOrder);
  const nodes = new Map(active.map((u) => [u.slug, { unit: u, children: [] as OrgNode[] }]));
  const placed = new Set<string>();
  const roots: OrgNode[] = [];
  const attach = (node: OrgNode) => {
    placed.add(node.unit.slug);
    for (const child of active.filter((u) => u.parent?.slug === node.unit.slug && !placed.has(u.slug))) {
      const c = nodes.get(child.slug)!;
      node.children.push(c);
      attach(c);
    }
  };
  for (const u of active) {
    if (placed.has(u.slug) || (u.parent && nodes.has(u.parent.slug))) continue;
    const root = nodes.get(u.slug)!;
    roots.push(root);
    attach(root);
  }
  for (const u of active) {
    if (placed.has(u.slug)) continue;
    const root = nodes.get(u.slug)!;
    roots.push(root);
    attach(root);
  }
  return roots;
}

/** Greedy word wrap at `max` characters (a longer word gets a line of its own). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export type ChartBox = { slug: string; kind: UnitKind; depth: number; x: number; y: number; w: number; h: number; lines: string[]; sub: string | null };
export type ChartLabel = { x: number; y: number; text: string };
export type Chart = { width: number; height: number; boxes: ChartBox[]; connectors: string[]; labels: ChartLabel[] };

/** Headings of the columns of the root's children, by kind. */
export const COLUMN_TITLES: Record<UnitKind, string> = {
  agency: 'Cơ quan',
  division: 'Các phòng chuyên môn',
  'regional-office': 'Các Phòng Thi hành án dân sự khu vực',
};

const M = 8; // margin
const COL_W = 340;
const GAP = 40;
const ROOT_W = 380;
const INDENT = 24;
const RAIL = 14; // rail's distance from the column's left edge
const LINE_H = 18;
const PAD = 10;
const V_GAP = 12;
const LABEL_H = 26;
/** About 8.2 px per character of bold 14 px text: room for Vietnamese with diacritics in wide fonts too. */
const charsFor = (width: number) => Math.floor((width - 2 * PAD) / 8.2);

function box(node: OrgNode, depth: number, x: number, y: number, w: number): ChartBox {
  const lines = wrapText(node.unit.name, charsFor(w));
  const sub = node.unit.head ? (node.unit.headTitle ? `${node.unit.headTitle}: ${node.unit.head}` : node.unit.head) : null;
  const subLines = sub ? wrapText(sub, charsFor(w) + 4) : [];
  return { slug: node.unit.slug, kind: node.unit.kind, depth, x, y, w, h: 2 * PAD + (lines.length + subLines.length) * LINE_H, lines, sub: subLines.join('\n') || null };
}

/** Stacks `nodes` (and their descendants, indented) from `top` in a column at `left`; returns the bottom. */
function stack(nodes: OrgNode[], depth: number, left: number, top: number, out: Chart): number {
  let y = top;
  const x = left + RAIL + 12 + (depth - 1) * INDENT;
  const w = COL_W - (x - left);
  const mids: number[] = [];
  for (const node of nodes) {
    const b = box(node, depth, x, y, w);
    out.boxes.push(b);
    mids.push(b.y + b.h / 2);
    y = b.y + b.h + V_GAP;
    if (node.children.length) {
      const bottom = stack(node.children, depth + 1, left, y, out);
      // The children's rail starts under this box.
      const railX = x + 12;
      const childMids = out.boxes.filter((c) => c.depth === depth + 1 && c.y >= y && c.y < bottom).map((c) => c.y + c.h / 2);
      out.connectors.push(`M${railX} ${b.y + b.h}V${Math.max(...childMids)}`);
      for (const m of childMids) out.connectors.push(`M${railX} ${m}H${railX + INDENT - 12}`);
      y = bottom;
    }
  }
  if (depth === 1 && mids.length) {
    const railX = left + RAIL;
    out.connectors.push(`M${railX} ${top - V_GAP}V${Math.max(...mids)}`);
    for (const m of mids) out.connectors.push(`M${railX} ${m}H${x}`);
  }
  return y;
}

export function layoutOrgChart(roots: OrgNode[]): Chart {
  const out: Chart = { width: 0, height: 0, boxes: [], connectors: [], labels: [] };
  if (!roots.length) return out;
  // One root: it sits on top and its children form the columns. Several: each root heads its own column.
  const single = roots.length === 1 ? roots[0]! : null;
  const columns: { title: string | null; nodes: OrgNode[] }[] = single
    ? [
        ...UNIT_KINDS.map((kind) => ({ title: COLUMN_TITLES[kind], nodes: single.children.filter((c) => c.unit.kind === kind) })),
      ].filter((c) => c.nodes.length)
    : roots.map((r) => ({ title: null, nodes: [r] }));
  const width = Math.max(ROOT_W, columns.length * COL_W + (columns.length - 1) * GAP) + 2 * M;
  let top = M;
  let rootBox: ChartBox | null = null;
  if (single) {
    rootBox = box(single, 0, (width - ROOT_W) / 2, M, ROOT_W);
    out.boxes.push(rootBox);
    top = rootBox.y + rootBox.h + 28;
  }
  const busY = top - 14;
  const offset = (width - 2 * M - (columns.length * COL_W + (columns.length - 1) * GAP)) / 2;
  let bottom = top;
  columns.forEach((col, i) => {
    const left = M + offset + i * (COL_W + GAP);
    let y = top;
    if (col.title) {
      out.labels.push({ x: left + RAIL + 12, y: y + 16, text: col.title });
      y += LABEL_H;
    }
    // The bus from the root reaches down to where the column's own rail starts.
    if (rootBox) out.connectors.push(`M${left + RAIL} ${busY}V${y}`);
    bottom = Math.max(bottom, stack(col.nodes, 1, left, y + V_GAP, out));
  });
  if (rootBox && columns.length) {
    const xs = columns.map((_, i) => M + offset + i * (COL_W + GAP) + RAIL);
    const cx = rootBox.x + rootBox.w / 2;
    out.connectors.push(`M${cx} ${rootBox.y + rootBox.h}V${busY}`);
    out.connectors.push(`M${Math.min(cx, ...xs)} ${busY}H${Math.max(cx, ...xs)}`);
  }
  out.width = Math.ceil(width);
  out.height = Math.ceil(bottom - V_GAP + M);
  return out;
}
