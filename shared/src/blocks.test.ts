import { describe, expect, it } from 'vitest';
import { blocksToHtml, blocksToText, markdownLiteToBlocks, type Block } from './blocks.ts';

describe('markdownLiteToBlocks', () => {
  it('reads paragraphs, headings, lists, quotes and inline marks', () => {
    const blocks = markdownLiteToBlocks('## Kết quả\n\nĐã thu **12 tỷ đồng** và *trả* cho đương sự.\n\n- Một\n- Hai\n\n1. Thứ nhất\n2. Thứ hai\n\n> Trích dẫn');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Đã thu ' },
        { type: 'text', text: '12 tỷ đồng', bold: true },
        { type: 'text', text: ' và ' },
        { type: 'text', text: 'trả', italic: true },
        { type: 'text', text: ' cho đương sự.' },
      ],
    });
    expect(blocks[3]).toMatchObject({ type: 'list', format: 'ordered' });
  });

  it('keeps a heading that follows a paragraph line without a blank line', () => {
    expect(markdownLiteToBlocks('Mở đầu\n## Mục').map((b) => b.type)).toEqual(['paragraph', 'heading']);
  });
});

describe('blocksToHtml', () => {
  it('escapes text and drops dangerous links', () => {
    const blocks: Block[] = [
      { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }, { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'bấm' }] }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'https://example.com', children: [{ type: 'text', text: 'nguồn' }] }] },
    ];
    const html = blocksToHtml(blocks);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">nguồn</a>');
  });

  it('never renders an h1 inside the body', () => {
    expect(blocksToHtml([{ type: 'heading', level: 1, children: [{ type: 'text', text: 'A' }] }])).toBe('<h2>A</h2>');
  });
});

describe('blocksToText', () => {
  it('returns the plain text of every block', () => {
    expect(blocksToText(markdownLiteToBlocks('## Tiêu đề\n\nĐoạn **một**.\n\n- a\n- b'))).toBe('Tiêu đề\n\nĐoạn một.\n\n- a\n- b');
  });
});
