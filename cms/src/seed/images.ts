/**
 * Demo photos are drawn here, never downloaded: an SVG illustration per scene, rendered by sharp
 * to a JPEG. The same key always gives the same picture, so re-seeding finds the file it made before.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PhotoScene } from '@thads/shared';

const PALETTES: Record<PhotoScene, [string, string, string, string]> = {
  'hoi-nghi': ['#1d3557', '#457b9d', '#a8dadc', '#f1faee'],
  'tru-so': ['#264653', '#2a9d8f', '#e9c46a', '#f4a261'],
  'cuong-che': ['#3d405b', '#81b29a', '#f2cc8f', '#e07a5f'],
  'tiep-cong-dan': ['#22577a', '#38a3a5', '#57cc99', '#c7f9cc'],
  'trao-thuong': ['#7f1d1d', '#b91c1c', '#fbbf24', '#fef3c7'],
  'dau-gia': ['#2b2d42', '#8d99ae', '#edf2f4', '#ef233c'],
  'tuyen-truyen': ['#005f73', '#0a9396', '#94d2bd', '#ee9b00'],
  'ky-ket': ['#3c096c', '#7b2cbf', '#c77dff', '#e0aaff'],
  'tap-huan': ['#1b4332', '#2d6a4f', '#95d5b2', '#d8f3dc'],
};

function rng(seed: string) {
  let h = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    h ^= h << 13; h ^= h >>> 17; h ^= h << 5;
    return ((h >>> 0) % 10_000) / 10_000;
  };
}

function people(r: () => number, y: number, count: number, color: string, skin = '#f2d0b5'): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const x = 120 + (i * 1360) / Math.max(1, count - 1) + (r() - 0.5) * 40;
    const s = 0.8 + r() * 0.4;
    out += `<g transform="translate(${x.toFixed(0)} ${y}) scale(${s.toFixed(2)})"><circle cx="0" cy="-150" r="38" fill="${skin}"/><path d="M-70 0 Q-70 -110 0 -110 Q70 -110 70 0 Z" fill="${color}"/></g>`;
  }
  return out;
}

function drawScene(kind: PhotoScene, r: () => number): string {
  const [dark, mid, light, accent] = PALETTES[kind];
  const sky = `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/>`;
  switch (kind) {
    case 'tru-so': {
      const cols = Array.from({ length: 8 }, (_, i) => `<rect x="${430 + i * 100}" y="380" width="40" height="330" fill="${light}"/>`).join('');
      return `${sky}<rect x="0" y="710" width="1600" height="190" fill="${dark}"/><rect x="380" y="330" width="840" height="380" fill="${mid}"/><polygon points="360,340 800,170 1240,340" fill="${dark}"/>${cols}<rect x="780" y="40" width="8" height="150" fill="${dark}"/><rect x="788" y="40" width="110" height="70" fill="#da251d"/><polygon points="843,58 849,75 867,75 853,86 858,103 843,93 828,103 833,86 819,75 837,75" fill="#ffff00"/>`;
    }
    case 'hoi-nghi':
    case 'tap-huan': {
      return `${sky}<rect x="0" y="0" width="1600" height="300" fill="${dark}"/><rect x="300" y="40" width="1000" height="200" fill="${accent}" opacity="0.85"/><rect x="0" y="640" width="1600" height="260" fill="${dark}" opacity="0.6"/>${people(r, 720, 7, mid)}<rect x="0" y="700" width="1600" height="40" fill="#7b5e3b"/>`;
    }
    case 'trao-thuong': {
      return `${sky}<rect x="0" y="0" width="1600" height="260" fill="${dark}"/><rect x="250" y="50" width="1100" height="150" fill="${accent}"/><rect x="0" y="760" width="1600" height="140" fill="${mid}"/>${people(r, 780, 6, dark)}${Array.from({ length: 6 }, (_, i) => `<rect x="${110 + i * 272}" y="560" width="90" height="70" fill="${light}" stroke="${accent}" stroke-width="6"/>`).join('')}`;
    }
    case 'dau-gia': {
      return `${sky}<rect x="0" y="650" width="1600" height="250" fill="${dark}"/><rect x="980" y="300" width="380" height="260" rx="16" fill="${light}"/><g transform="rotate(-30 640 420)"><rect x="480" y="360" width="320" height="110" rx="20" fill="#8b5a2b"/><rect x="620" y="470" width="40" height="300" fill="#6b4423"/></g><rect x="400" y="690" width="520" height="50" rx="10" fill="#6b4423"/>${people(r, 880, 5, mid)}`;
    }
    case 'cuong-che': {
      return `${sky}<rect x="0" y="620" width="1600" height="280" fill="${mid}"/><rect x="900" y="300" width="460" height="320" fill="${light}"/><polygon points="870,310 1130,150 1390,310" fill="${accent}"/><rect x="1080" y="460" width="100" height="160" fill="${dark}"/>${people(r, 780, 5, dark)}`;
    }
    case 'tiep-cong-dan': {
      return `${sky}<rect x="0" y="0" width="1600" height="180" fill="${dark}"/><rect x="200" y="560" width="1200" height="60" fill="#7b5e3b"/>${people(r, 560, 3, dark)}<g opacity="0.9">${people(r, 880, 3, accent)}</g>`;
    }
    case 'ky-ket': {
      return `${sky}<rect x="0" y="0" width="1600" height="240" fill="${dark}"/><rect x="260" y="40" width="1080" height="150" fill="${accent}" opacity="0.8"/><rect x="200" y="600" width="1200" height="70" fill="#7b5e3b"/>${people(r, 600, 4, dark)}<rect x="560" y="560" width="180" height="40" fill="#fff"/><rect x="860" y="560" width="180" height="40" fill="#fff"/>`;
    }
    case 'tuyen-truyen':
    default: {
      return `${sky}<rect x="120" y="120" width="700" height="460" rx="24" fill="${light}" stroke="${dark}" stroke-width="10"/>${Array.from({ length: 5 }, (_, i) => `<rect x="180" y="${190 + i * 75}" width="${580 - r() * 200}" height="28" rx="8" fill="${mid}"/>`).join('')}<rect x="0" y="700" width="1600" height="200" fill="${dark}"/>${people(r, 860, 6, accent)}`;
    }
  }
}

export type GeneratedPhoto = { buffer: Buffer; name: string; width: number; height: number };

/** A 1600×900 JPEG for `scene`, deterministic for `key`. */
export async function generatePhoto(scene: PhotoScene, key: string): Promise<GeneratedPhoto> {
  const r = rng(key);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${drawScene(scene, r)}</svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  const hash = createHash('sha1').update(`${scene}:${key}`).digest('hex').slice(0, 12);
  return { buffer, name: `demo-${scene}-${hash}.jpg`, width: 1600, height: 900 };
}
