import express from 'express';
import ejs from 'ejs';

// The ceiling: a bare Express + EJS page of the same size as the portal's start page,
// with none of the portal's middleware (session, CSRF, i18n, security headers, database).
const size = Number(process.env.CEILING_PAGE_BYTES ?? 10_000);
const template = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title><%= title %></title></head>
<body><main><h1><%= title %></h1><% for (const paragraph of paragraphs) { %><p><%= paragraph %></p><% } %></main></body></html>`;
const render = ejs.compile(template);
const filler = 'تيسير خدمة جمعية منازل لطلبات الدعم. ';
const paragraphs: string[] = [];
while (Buffer.byteLength(render({ title: 'تيسير', paragraphs })) < size) paragraphs.push(filler.repeat(4));

const app = express();
app.get('/', (_req, res) => {
  res.type('html').send(render({ title: 'تيسير', paragraphs }));
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
