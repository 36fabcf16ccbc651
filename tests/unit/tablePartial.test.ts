import path from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import { asHtml, html, tag, viewHelpers } from '../../src/middleware/setUpViews.ts';

const VIEWS = path.resolve('views');

/** The partial rendered alone, with the whitespace between tags dropped so the markup reads in one line. */
async function renderTable(params: Record<string, unknown>): Promise<string> {
  const out = await ejs.renderFile(path.join(VIEWS, 'partials', 'table.ejs'), { ...viewHelpers, t: (key: string) => key, ...params }, { root: VIEWS });
  return out.replace(/>\s+</g, '><').trim();
}

const base = { qa: 'people', caption: 'People', head: ['Name', { text: 'Actions', visuallyHidden: true }] };

describe('html and asHtml', () => {
  it('escapes every interpolated value except trusted markup', () => {
    const name = '<img src=x onerror=alert(1)> "Ali" & \'Omar\'';
    const link = html`<a href="/people/${'1" onclick="x'}">${name}</a>`;
    expect(String(link)).toBe('<a href="/people/1&#34; onclick=&#34;x">&lt;img src=x onerror=alert(1)&gt; &#34;Ali&#34; &amp; &#39;Omar&#39;</a>');
    expect(String(html`<p>${link}${tag('new', 'purple')}</p>`)).toBe(`<p>${String(link)}<strong class="tag tag-grey">new</strong></p>`);
    expect(asHtml([html`<b>a</b>`, '<i>', null, undefined, 3])).toBe('<b>a</b>&lt;i&gt;3');
  });
});

describe('the table partial', () => {
  it('wraps the table in a keyboard-reachable region named by its caption', async () => {
    const out = await renderTable({ ...base, rows: [] });
    expect(out).toContain('<div class="table-wrapper" role="region" aria-labelledby="people-caption" tabindex="0">');
    expect(out).toContain('<table class="table" data-qa="people">');
    expect(out).toContain('<caption id="people-caption" class="visually-hidden">People</caption>');
    expect(out).toContain('<th scope="col">Name</th><th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(out).not.toContain('<tfoot>');
    const visible = await renderTable({ ...base, rows: [], captionVisible: true });
    expect(visible).toContain('<caption id="people-caption">People</caption>');
  });

  it('escapes plain cell values and prints only trusted markup as is', async () => {
    const hostile = '<script>alert(1)</script>';
    const out = await renderTable({
      ...base,
      rows: [
        {
          qa: 'person-row',
          attributes: { 'data-reference': '"><script>' },
          cells: [hostile, html`<a href="/p/${hostile}">${hostile}</a>`],
        },
        { cells: [{ value: 42, dir: 'ltr', classes: 'cell-ltr' }, { value: html`<code>${'{"a":1}'}</code>`, colspan: 2 }] },
        { cells: [null, { value: undefined, header: true }] },
      ],
    });
    expect(out).not.toContain('<script>');
    expect(out).toContain('<tr data-qa="person-row" data-reference="&#34;&gt;&lt;script&gt;"><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td><a href="/p/&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</a></td></tr>');
    expect(out).toContain('<tr><td dir="ltr" class="cell-ltr">42</td><td colspan="2"><code>{&#34;a&#34;:1}</code></td></tr>');
    expect(out).toContain('<tr><td></td><th scope="row"></th></tr>');
  });

  it('refuses row attributes other than data- ones', async () => {
    await expect(renderTable({ ...base, rows: [{ attributes: { onclick: 'x' }, cells: ['a', 'b'] }] })).rejects.toThrow(/data- attributes only/);
  });

  it('shows one full-width row when empty, and a footer when given', async () => {
    const out = await renderTable({ ...base, rows: [], empty: { text: 'Nobody yet', qa: 'people-empty' } });
    expect(out).toContain('<tr><td colspan="2" data-qa="people-empty">Nobody yet</td></tr>');
    const plain = await renderTable({ ...base, rows: [], empty: 'Nobody' });
    expect(plain).toContain('<tr><td colspan="2">Nobody</td></tr>');
    const withRows = await renderTable({ ...base, rows: [{ cells: ['a', 'b'] }], empty: 'Nobody', foot: [{ qa: 'total', cells: [{ value: 'Total', header: true }, 1] }] });
    expect(withRows).not.toContain('Nobody');
    expect(withRows).toContain('<tfoot><tr data-qa="total"><th scope="row">Total</th><td>1</td></tr>');
  });
});
