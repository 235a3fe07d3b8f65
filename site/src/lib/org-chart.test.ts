import { describe, expect, it } from 'vitest';
import { layoutOrgChart, orgTree, wrapText, type OrgUnit } from './org-chart.ts';

const unit = (slug: string, kind: OrgUnit['kind'], order: number, parent?: string, active = true): OrgUnit => ({ slug, name: `Đơn vị ${slug}`, kind, order, active, parent: parent ? { slug: parent } : null, head: 'Nguyễn Văn A', headTitle: 'Trưởng phòng' });

const units = [
  unit('kv2', 'regional-office', 6, 'tinh'),
  unit('tinh', 'agency', 1),
  unit('vp', 'division', 2, 'tinh'),
  unit('kv1', 'regional-office', 5, 'tinh'),
  unit('to-1', 'division', 9, 'vp'),
  unit('chi-cuc-cu', 'regional-office', 11, 'tinh', false),
];

describe('orgTree', () => {
  it('hangs active units under their parents, siblings in order, merged units left out', () => {
    const [root, ...others] = orgTree(units);
    expect(others).toEqual([]);
    expect(root!.unit.slug).toBe('tinh');
    expect(root!.children.map((c) => c.unit.slug)).toEqual(['vp', 'kv1', 'kv2']);
    expect(root!.children[0]!.children.map((c) => c.unit.slug)).toEqual(['to-1']);
  });

  it('makes roots of units without a parent and survives a cycle', () => {
    const roots = orgTree([unit('a', 'division', 1, 'b'), unit('b', 'division', 2, 'a'), unit('c', 'agency', 3)]);
    expect(roots.map((r) => r.unit.slug).sort()).toEqual(['a', 'c']);
    expect(roots.find((r) => r.unit.slug === 'a')!.children.map((c) => c.unit.slug)).toEqual(['b']);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries', () => {
    expect(wrapText('Phòng Kiểm tra và Giải quyết khiếu nại, tố cáo', 20)).toEqual(['Phòng Kiểm tra và', 'Giải quyết khiếu', 'nại, tố cáo']);
  });
});

describe('layoutOrgChart', () => {
  it('puts the root on top and its children in one column per kind, none overlapping', () => {
    const chart = layoutOrgChart(orgTree(units));
    expect(chart.labels.map((l) => l.text)).toEqual(['Các phòng chuyên môn', 'Các Phòng Thi hành án dân sự khu vực']);
    const [root, ...rest] = chart.boxes;
    expect(root!.slug).toBe('tinh');
    for (const b of rest) expect(b.y).toBeGreaterThan(root!.y + root!.h);
    const bySlug = Object.fromEntries(chart.boxes.map((b) => [b.slug, b]));
    expect(bySlug.kv1!.x).toBeGreaterThan(bySlug.vp!.x + bySlug.vp!.w);
    expect(bySlug['to-1']!.x).toBeGreaterThan(bySlug.vp!.x);
    expect(bySlug['to-1']!.y).toBeGreaterThan(bySlug.vp!.y + bySlug.vp!.h);
    for (const a of chart.boxes)
      for (const b of chart.boxes) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.slug} / ${b.slug}`).toBe(false);
      }
    for (const b of chart.boxes) {
      expect(b.x + b.w).toBeLessThanOrEqual(chart.width);
      expect(b.y + b.h).toBeLessThanOrEqual(chart.height);
    }
    expect(chart.connectors.length).toBeGreaterThan(5);
    expect(root!.sub).toBe('Trưởng phòng: Nguyễn Văn A');
  });

  it('draws nothing without units', () => {
    expect(layoutOrgChart([])).toEqual({ width: 0, height: 0, boxes: [], connectors: [], labels: [] });
  });
});
