/**
 * The e-mails billing sends, in the tenant's brand (product name, colours, logo), as plain text
 * and HTML. They carry only pass and payment facts: never card details (we never have them) and
 * never anything from interviews, answers or feedback.
 */
import { formatPrice } from '../billing/products.js';
import type { Pass, PassProduct, Purchase, Tenant } from '../store/records.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** "3 March 2030, 10:00 UTC": learners' time zones are unknown, so say which one. */
export function formatTime(iso: string, locale: string): string {
  try {
    return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  } catch {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.179 ? '#111111' : '#ffffff';
}

export interface Row {
  label: string;
  value: string;
}

/** A branded e-mail's parts (privacy/retention.ts renders its reminder with it too). */
export interface Layout {
  tenant: Tenant;
  heading: string;
  paragraphs: string[];
  rows: Row[];
  footer: string;
}

function renderText({ tenant, heading, paragraphs, rows, footer }: Layout): string {
  const width = Math.max(0, ...rows.map((r) => r.label.length));
  return [
    tenant.settings.branding.productName,
    '',
    heading,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(rows.length ? [...rows.map((r) => `  ${`${r.label}:`.padEnd(width + 2)}${r.value}`), ''] : []),
    '--',
    footer,
    '',
  ].join('\n');
}

function renderHtml({ tenant, heading, paragraphs, rows, footer }: Layout): string {
  const brand = tenant.settings.branding;
  const primary = brand.primaryColor;
  const font = escapeHtml(brand.fontFamily ?? 'Helvetica, Arial, sans-serif');
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:12px;border:0">`
    : '';
  const table = rows.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:16px 0">${rows
        .map(
          (r) =>
            `<tr><td style="padding:6px 12px 6px 0;color:#555555;white-space:nowrap">${escapeHtml(r.label)}</td><td style="padding:6px 0;font-weight:bold">${escapeHtml(r.value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(brand.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:${font};color:#111111">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;padding:24px 0"><tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:#ffffff;border-radius:${brand.radius}px;overflow:hidden">
<tr><td style="background:${primary};color:${textOn(primary)};padding:16px 24px;font-size:18px;font-weight:bold">${logo}${escapeHtml(brand.productName)}</td></tr>
<tr><td style="padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${table}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e4e4e7;color:#555555;font-size:12px;line-height:1.5">${escapeHtml(footer)}</td></tr>
</table>
</td></tr></table>
</body>
</html>`;
}

export function render(layout: Layout, subject: string): RenderedEmail {
  return { subject, text: renderText(layout), html: renderHtml(layout) };
}

export interface ReceiptInput {
  tenant: Tenant;
  purchase: Purchase;
  pass: Pass | null;
  product: Pick<PassProduct, 'name' | 'durationDays'>;
}

export function renderReceipt({ tenant, purchase, pass, product }: ReceiptInput): RenderedEmail {
  const locale = tenant.settings.branding.locale;
  const productName = tenant.settings.branding.productName;
  const demo = purchase.provider === 'demo';
  const rows: Row[] = [
    { label: 'Item', value: `${product.name} (${product.durationDays} ${product.durationDays === 1 ? 'day' : 'days'})` },
    { label: 'Amount', value: formatPrice(purchase.amount, purchase.currency, locale) },
    { label: 'Paid', value: formatTime(purchase.updatedAt, locale) },
    { label: 'Reference', value: purchase.id },
    { label: 'Payment', value: demo ? 'Demo checkout (no real payment was taken)' : 'Card payment through Stripe' },
  ];
  if (pass) {
    rows.push({ label: 'Pass starts', value: formatTime(pass.startsAt, locale) }, { label: 'Pass ends', value: formatTime(pass.expiresAt, locale) });
  }
  const paragraphs = [
    `Thank you for buying a ${product.name.toLowerCase()} for ${productName}.`,
    pass && Date.parse(pass.startsAt) > Date.parse(purchase.updatedAt) + 60_000
      ? 'You already had a pass, so this one starts when that one ends.'
      : 'Your pass is active now: practise as much as you like until it ends.',
  ];
  if (demo) paragraphs.push('This was a demonstration purchase. No money was charged.');
  return render(
    {
      tenant,
      heading: demo ? 'Your receipt (demo)' : 'Your receipt',
      paragraphs,
      rows,
      footer: `${productName} sent this receipt because a pass was bought with this e-mail address. It holds no card details. Keep it for your records.`,
    },
    `${demo ? '[Demo] ' : ''}Your ${productName} receipt: ${product.name}`,
  );
}

export interface ReminderInput {
  tenant: Tenant;
  pass: Pass;
  product: Pick<PassProduct, 'name'>;
}

export function renderExpiryReminder({ tenant, pass, product }: ReminderInput): RenderedEmail {
  const locale = tenant.settings.branding.locale;
  const productName = tenant.settings.branding.productName;
  const ends = formatTime(pass.expiresAt, locale);
  return render(
    {
      tenant,
      heading: `Your ${product.name.toLowerCase()} ends soon`,
      paragraphs: [
        `Your ${product.name.toLowerCase()} for ${productName} ends on ${ends}.`,
        'After that you can keep practising within the free allowance, or buy another pass where you practise.',
      ],
      rows: [{ label: 'Pass ends', value: ends }],
      footer: `${productName} sent this one-time reminder because your pass is about to end. It holds no card details.`,
    },
    `Your ${productName} ${product.name.toLowerCase()} ends on ${ends}`,
  );
}
