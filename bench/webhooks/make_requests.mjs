// Writes COUNT complete HTTP requests for one route, each a message never
// sent before and signed as its provider signs (node's crypto, the same HMACs
// the webhook tests check against the providers' own libraries), split over
// two files (one per wrk thread), each request ended by a NUL byte:
//   node make_requests.mjs ROUTE COUNT OUT-PREFIX
// ROUTE: ingest | twilio | whatsapp | standard, or ingest-as-twilio |
// ingest-as-whatsapp: /v1/ingest with the very body the gateway maps that
// provider's delivery to (the same fields and metadata), which separates what
// verifying and mapping cost from what the larger event costs.
// The secrets and keys match run.sh.
import { createHmac, randomBytes } from 'node:crypto';
import { openSync, writeSync, closeSync } from 'node:fs';

const [route, countText, prefix] = process.argv.slice(2);
const count = Number(countText);
const publicUrl = 'https://bench.example';
const twilioToken = 'bench-twilio-token';
const appSecret = 'bench-app-secret';
const standardSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const tenants = ['t1', 't2', 't3', 't4'];
const run = randomBytes(6).toString('hex');
const text = 'Hello, your order 1234 has shipped and will arrive on Thursday.';

function request(path, headers, body) {
  const lines = [`POST ${path} HTTP/1.1`, 'Host: bench', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${Buffer.byteLength(body)}`];
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

const twilioFields = (n) => ({
  ToCountry: 'US', ToState: 'CA', SmsMessageSid: `SM${run}${n}`, NumMedia: '0', ToCity: 'SAN FRANCISCO',
  FromZip: '94105', SmsSid: `SM${run}${n}`, FromState: 'CA', SmsStatus: 'received', FromCity: 'SAN FRANCISCO',
  Body: text, FromCountry: 'US', To: '+14155550101', ToZip: '94105', NumSegments: '1', MessageSid: `SM${run}${n}`,
  AccountSid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', From: '+14155550100', ApiVersion: '2010-04-01',
});

const make = {
  'ingest-as-twilio'(n, tenant) {
    const { MessageSid, From, To, Body, ...twilio } = twilioFields(n);
    const body = JSON.stringify({ providerMessageId: MessageSid, from: From, to: To, metadata: { twilio }, body: Body });
    return request('/v1/ingest/sms', { 'Content-Type': 'application/json', 'X-Api-Key': `bench-key-${tenant}` }, body);
  },
  'ingest-as-whatsapp'(n, tenant) {
    const body = JSON.stringify({
      providerMessageId: `wamid.${run}${n}:3D`, conversationId: '+14155550100',
      sender: { id: '+14155550100', role: 'customer', name: 'Sheena Nelson' }, text,
      metadata: { whatsapp: { wamid: `wamid.${run}${n}=`, type: 'text', phoneNumberId: '106540352242922', businessNumber: '+15550783881' } },
      timestamp: '2025-06-08T20:59:43.000000Z',
    });
    return request('/v1/ingest/chat', { 'Content-Type': 'application/json', 'X-Api-Key': `bench-key-${tenant}` }, body);
  },
  ingest(n, tenant) {
    const body = JSON.stringify({ providerMessageId: `SM${run}${n}`, from: '+14155550100', to: '+14155550101', body: text });
    return request('/v1/ingest/sms', { 'Content-Type': 'application/json', 'X-Api-Key': `bench-key-${tenant}` }, body);
  },
  twilio(n, tenant) {
    const path = `/v1/webhooks/twilio/${tenant}/sms`;
    const fields = twilioFields(n);
    const data = Object.keys(fields).sort().reduce((all, name) => all + name + fields[name], publicUrl + path);
    const signature = createHmac('sha1', twilioToken).update(data).digest('base64');
    return request(path, { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      new URLSearchParams(fields).toString());
  },
  whatsapp(n, tenant) {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
        contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '14155550100' }],
        messages: [{ from: '14155550100', id: `wamid.${run}${n}=`, timestamp: '1749416383', text: { body: text }, type: 'text' }],
      } }] }],
    });
    const signature = 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex');
    return request(`/v1/webhooks/whatsapp/${tenant}`, { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature }, body);
  },
  standard(n, tenant) {
    const body = JSON.stringify({ from: '+14155550100', to: '+14155550101', body: text });
    const id = `msg_${run}${n}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(standardSecret.slice('whsec_'.length), 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    return request(`/v1/webhooks/standard/${tenant}/sms`, {
      'Content-Type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}`,
    }, body);
  },
};

if (!make[route] || !(count > 0)) {
  process.stderr.write('usage: node make_requests.mjs ROUTE COUNT OUT-PREFIX (ROUTE: ' + Object.keys(make).join('|') + ')\n');
  process.exit(2);
}
for (const thread of [1, 2]) {
  const file = openSync(`${prefix}.${thread}`, 'w');
  let chunk = '';
  for (let n = thread; n <= count; n += 2) {
    chunk += make[route](n, tenants[n % tenants.length]) + '\0';
    if (chunk.length > 1 << 20) { writeSync(file, chunk); chunk = ''; }
  }
  writeSync(file, chunk);
  closeSync(file);
}
