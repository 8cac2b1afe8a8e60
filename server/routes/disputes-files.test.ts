import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefenceTemplateView, DisputeView, MAX_ATTACHMENT_BYTES } from '../../utils/api-routes/disputes';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, newOrderId, orderPage, postPanel, type TestTeam } from '../../tests/server/harness';
import { chargebackPage, postFromPage } from './disputes-test-pages';

const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: texts.join('\n') };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.4\n% a tiny file\n');

describe.each(testDatabases())('dispute attachments, defence PDF and templates on $kind', (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  let view: DisputeView;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    a = await createTestTeam(app.db, 'Alpha');
    b = await createTestTeam(app.db, 'Beta');
    const orderId = newOrderId('111');
    await postPanel(
      app,
      a.agentToken,
      orderPage({ orderId, trackingNumber: '1Z999AA10123456784', items: [{ title: 'Espresso grinder "Pro" <b>', quantity: 1 }] }),
    );
    view = DisputeView.parse((await postFromPage(app, a.agentToken, chargebackPage(orderId))).json());
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  const upload = (payload: Record<string, unknown>, token = a.agentToken, id = view.id) =>
    app.inject({ method: 'POST', url: `/v1/disputes/${id}/attachments`, headers: auth(token), payload });

  it('stores a checked file, counts it as evidence and serves it back as a download', async () => {
    const res = await upload({ filename: 'pod photo.png', contentType: 'image/png', base64: PNG.toString('base64'), evidenceKey: 'proof_of_delivery' });
    expect(res.statusCode).toBe(201);
    const after = DisputeView.parse(res.json());
    const file = after.attachments.at(-1)!;
    expect(file).toMatchObject({ filename: 'pod photo.png', contentType: 'image/png', size: PNG.length, evidenceKey: 'proof_of_delivery' });
    expect(after.checklist.find((i) => i.key === 'proof_of_delivery')).toMatchObject({ status: 'present', source: 'attachment', attachmentId: file.id });

    const got = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/attachments/${file.id}`, headers: auth(a.agentToken) });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="pod photo.png"; filename*=UTF-8''pod%20photo.png`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    // Another team can neither read it nor attach to the dispute.
    expect((await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/attachments/${file.id}`, headers: auth(b.agentToken) })).statusCode).toBe(404);
    expect((await upload({ filename: 'x.png', contentType: 'image/png', base64: PNG.toString('base64') }, b.agentToken)).statusCode).toBe(404);
  });

  it('refuses files whose bytes are not the declared type, bad names, bad base64 and files over the limit', async () => {
    const wrongType = await upload({ filename: 'invoice.png', contentType: 'image/png', base64: PDF.toString('base64') });
    expect(wrongType.json().error).toMatchObject({ code: 'validation_failed', field: 'body.contentType' });
    expect(wrongType.json().error.message).toContain('application/pdf');
    const html = await upload({ filename: 'page.txt', contentType: 'text/plain', base64: Buffer.from([0x3c, 0x00, 0x62]).toString('base64') });
    expect(html.json().error.field).toBe('body.contentType');
    const exe = await upload({ filename: 'tool.exe', contentType: 'application/pdf', base64: PDF.toString('base64') });
    expect(exe.json().error.field).toBe('body.filename');
    for (const filename of ['../../etc/passwd.pdf', 'a\\b.pdf', '.hidden.pdf', 'bad\u0007name.pdf']) {
      expect((await upload({ filename, contentType: 'application/pdf', base64: PDF.toString('base64') })).json().error.field, filename).toBe('body.filename');
    }
    const type = await upload({ filename: 'x.svg', contentType: 'image/svg+xml', base64: PDF.toString('base64') });
    expect(type.json().error.field).toBe('body.contentType');
    expect((await upload({ filename: 'x.pdf', contentType: 'application/pdf', base64: '%%%notbase64' })).json().error.field).toBe('body.base64');
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]);
    const tooBig = await upload({ filename: 'big.pdf', contentType: 'application/pdf', base64: big.toString('base64') });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.field).toBe('body.base64');
    const renamed = await upload({ filename: 'Lieferschein: "März".pdf', contentType: 'application/pdf', base64: PDF.toString('base64') });
    expect(DisputeView.parse(renamed.json()).attachments.at(-1)!.filename).toBe('Lieferschein_ _März_.pdf');
  });

  it('builds a defence PDF that reads back with its summary, argument, evidence and timeline', async () => {
    await app.inject({
      method: 'PUT',
      url: `/v1/disputes/${view.id}/evidence/signature_confirmation`,
      headers: auth(a.agentToken),
      payload: { value: 'Signed by E. CARTER' },
    });
    const res = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence.pdf`, headers: auth(a.agentToken) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="defence-${view.dispute.id}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await readPdf(new Uint8Array(res.rawPayload));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(view.dispute.orderId);
    expect(text).toContain('The order was delivered');
    expect(text).toContain('1Z999AA10123456784');
    expect(text).toContain('Signed by E. CARTER');
    // Markup from a page is never carried into the document as markup.
    expect(text).toContain('Espresso grinder "Pro"');
    expect(text).not.toContain('<b>');
    expect(text).toMatch(/Timeline|Chronology/);
  });

  it('lets a lead edit the argument per reason; agents read it, the defence uses it, bad placeholders are refused', async () => {
    const url = '/v1/defence-templates/not_received';
    const before = DefenceTemplateView.parse((await app.inject({ method: 'GET', url, headers: auth(a.agentToken) })).json());
    expect(before.isDefault).toBe(true);
    const payload = { language: 'en', title: 'Delivered as promised', argument: 'Order {{orderId}} reached the buyer.\nTracking: {{trackingNumber}}.' };
    expect((await app.inject({ method: 'PUT', url, headers: auth(a.agentToken), payload })).statusCode).toBe(403);
    const saved = await app.inject({ method: 'PUT', url, headers: auth(a.leadToken), payload });
    expect(saved.statusCode).toBe(200);
    expect(DefenceTemplateView.parse(saved.json()).template.version).toBe(1);
    const again = DefenceTemplateView.parse((await app.inject({ method: 'PUT', url, headers: auth(a.leadToken), payload })).json());
    expect(again.template.version).toBe(2);
    const bad = await app.inject({ method: 'PUT', url, headers: auth(a.leadToken), payload: { ...payload, argument: 'Hello {{buyerPassword}}' } });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'body.argument' });
    expect((await app.inject({ method: 'PUT', url: '/v1/defence-templates/nonsense', headers: auth(a.leadToken), payload })).json().error.field).toBe(
      'params.reason',
    );

    const text = await app.inject({ method: 'GET', url: `/v1/disputes/${view.id}/defence.txt`, headers: auth(a.agentToken) });
    expect(text.body).toContain('Delivered as promised');
    expect(text.body).toContain(`Order ${view.dispute.orderId} reached the buyer.`);
    // Team Beta still sees the built-in template.
    expect(DefenceTemplateView.parse((await app.inject({ method: 'GET', url, headers: auth(b.agentToken) })).json()).isDefault).toBe(true);
  });
});
