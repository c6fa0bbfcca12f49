/**
 * `/dev/outbox`: every queued e-mail of every tenant, newest first, with its status and plain
 * text; `/dev/outbox.json` the same as JSON; `/dev/outbox/:tenantId/:emailId` the HTML version.
 * Development and test only: it shows e-mail addresses of all tenants, so production never
 * registers it.
 */
import type { FastifyInstance } from 'fastify';
import type { OutboxEmail } from '../store/records.js';
import type { Store } from '../store/store.js';
import { billingPage, escapeHtml, sendPage } from './billing-pages.js';

export const DEV_OUTBOX_PATH = '/dev/outbox';
const PER_TENANT = 50;

async function recentEmails(store: Store): Promise<OutboxEmail[]> {
  const lists = await Promise.all((await store.listTenants()).map(async (t) => (await store.forTenant(t.id).outbox.list({ limit: PER_TENANT })).items));
  return lists
    .flat()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, 200);
}

export function registerDevOutbox(app: FastifyInstance, store: Store): void {
  app.get(`${DEV_OUTBOX_PATH}.json`, async () => ({ emails: await recentEmails(store) }));

  app.get(DEV_OUTBOX_PATH, async (_request, reply) => {
    const emails = await recentEmails(store);
    const items = emails
      .map(
        (e) => `<article class="card stack">
<h2>${escapeHtml(e.subject)}</h2>
<dl><dt>To</dt><dd>${escapeHtml(e.to)}</dd><dt>Kind</dt><dd>${escapeHtml(e.kind)}</dd><dt>Status</dt><dd>${escapeHtml(e.status)}${e.lastError ? ` (${escapeHtml(e.lastError)})` : ''}</dd><dt>Attempts</dt><dd>${e.attempts}</dd><dt>Queued</dt><dd>${escapeHtml(e.createdAt)}</dd></dl>
<p><a href="${DEV_OUTBOX_PATH}/${encodeURIComponent(e.tenantId)}/${encodeURIComponent(e.id)}">HTML version</a></p>
<pre>${escapeHtml(e.text)}</pre>
</article>`,
      )
      .join('\n');
    return sendPage(
      reply,
      200,
      billingPage(
        'Outbox (development)',
        `<h1>Outbox</h1><p>E-mails this server queued (development only; with no SMTP_URL nothing leaves the machine). <a href="${DEV_OUTBOX_PATH}.json">JSON</a></p>${items || '<p>No e-mails yet.</p>'}`,
      ),
    );
  });

  app.get<{ Params: { tenantId: string; emailId: string } }>(`${DEV_OUTBOX_PATH}/:tenantId/:emailId`, async (request, reply) => {
    const outbox = store.forTenant(request.params.tenantId).outbox;
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const result = await outbox.list({ limit: 100, cursor });
      const email = result.items.find((e) => e.id === request.params.emailId);
      if (email) {
        // E-mail HTML is inline-styled and must not run anything.
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox")
          .send(email.html);
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such e-mail.' } });
  });
}
