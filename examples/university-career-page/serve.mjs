#!/usr/bin/env node
/**
 * Serves this example on http://localhost:8080 with the Content-Security-Policy as a header,
 * pointed at your Interview Studio server and publishable key:
 *
 *   node examples/university-career-page/serve.mjs --studio http://localhost:3000 --key pk_test_… [--port 8080]
 *
 * The page's origin (http://localhost:8080) must be one of the tenant's allowed origins.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** The policy a partner page needs for the widget served from `studio`. */
export function contentSecurityPolicy(studio) {
  const origin = new URL(studio).origin;
  return `default-src 'self'; script-src 'self' ${origin}; style-src 'self'; connect-src ${origin}`;
}

/** The example's files with the placeholders replaced. */
export function renderFile(name, { studio, key }) {
  const origin = new URL(studio).origin;
  let text = readFileSync(join(here, name), 'utf8');
  if (name === 'index.html') {
    text = text.replaceAll('https://studio.example.com/widget.js', `${studio.replace(/\/$/, '')}/widget.js`).replaceAll('https://studio.example.com', origin).replaceAll('pk_live_REPLACE_ME', key);
  }
  return text;
}

export function createExampleServer({ studio, key }) {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (name === 'favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!['index.html', 'styles.css', 'page.js'].includes(name)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(name)], 'content-security-policy': contentSecurityPolicy(studio), 'cache-control': 'no-cache' })
      .end(renderFile(name, { studio, key }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { studio: { type: 'string', default: 'http://localhost:3000' }, key: { type: 'string' }, port: { type: 'string', default: '8080' } } });
  if (!values.key) {
    console.error('Usage: node examples/university-career-page/serve.mjs --studio http://localhost:3000 --key pk_… [--port 8080]');
    process.exit(64);
  }
  createExampleServer({ studio: values.studio, key: values.key }).listen(Number(values.port), () => {
    console.log(`Example careers page on http://localhost:${values.port} (Interview Studio at ${values.studio}).`);
    console.log(`Allow its origin for your tenant: http://localhost:${values.port}`);
  });
}
