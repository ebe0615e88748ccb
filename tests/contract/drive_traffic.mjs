// Drives real traffic through Prism's validation proxies in front of a running
// mccig-server (see run_contract_check.sh) and fails on any answer that
// differs from resources/openapi.json:
// - valid requests go through the strict proxy (--errors), which turns an
//   answer that breaks the document into a 500 problem document;
// - requests the document itself calls invalid go through the observing
//   proxy, which forwards them; its sl-violations header must name the
//   request and must not name the response;
// - what cannot pass through an HTTP proxy at all (bytes that are not JSON or
//   not HTTP, unknown routes) goes straight to the server and is compared with
//   the document's schemas for those answers.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const strict = `http://127.0.0.1:${env('MCCIG_STRICT_PORT')}`;
const observing = `http://127.0.0.1:${env('MCCIG_OBSERVING_PORT')}`;
const serverPort = Number(env('MCCIG_SERVER_PORT'));
const direct = `http://127.0.0.1:${serverPort}`;
const redisPort = env('MCCIG_CONTRACT_REDIS_PORT');
const documentText = readFileSync(env('MCCIG_OPENAPI_DOCUMENT'), 'utf8');
const spec = JSON.parse(documentText);

const failures = [];
const seen = new Map(); // "METHOD path-template" -> Set of statuses answered
let checks = 0;

function note(template, method, status) {
  const key = `${method} ${template}`;
  if (!seen.has(key)) seen.set(key, new Set());
  seen.get(key).add(String(status));
}

function fail(what, detail) {
  failures.push(`${what}: ${detail}`);
  console.log(`FAIL ${what}: ${detail}`);
}

function violationsOf(response) {
  const header = response.headers.get('sl-violations');
  return header ? JSON.parse(header) : [];
}

async function send(base, method, path, { headers = {}, body, json } = {}) {
  const init = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(base + path, init);
  const text = await response.text();
  return { response, status: response.status, text };
}

// A request the document calls valid: the strict proxy must pass the server's
// answer through unchanged, with the expected status.
async function valid(what, template, method, path, expected, options) {
  ++checks;
  const { response, status, text } = await send(strict, method, path, options);
  note(template, method, status);
  const violations = violationsOf(response);
  if (status !== expected) {
    fail(what, `expected ${expected}, got ${status} ${text.slice(0, 400)}`);
  } else if (violations.length > 0) {
    fail(what, `violations ${JSON.stringify(violations)}`);
  } else {
    console.log(`ok   ${what}: ${status}`);
  }
  return text && (response.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(text) : text;
}

// A request the document calls invalid: it must say so, the server must refuse
// it with `expected`, and that answer must match the document.
async function invalid(what, template, method, path, expected, options) {
  ++checks;
  const { response, status, text } = await send(observing, method, path, options);
  note(template, method, status);
  const violations = violationsOf(response);
  const onRequest = violations.filter((v) => v.location?.[0] === 'request');
  const onResponse = violations.filter((v) => v.location?.[0] === 'response' && v.severity === 'Error');
  if (status !== expected) fail(what, `expected ${expected}, got ${status} ${text.slice(0, 400)}`);
  else if (onRequest.length === 0) fail(what, 'the document accepts a request the server refuses');
  else if (onResponse.length > 0) fail(what, `answer breaks the document: ${JSON.stringify(onResponse)}`);
  else console.log(`ok   ${what}: ${status} (request violation: ${onRequest[0].message})`);
}

// Answers no proxy can carry: compared with the error codes the document lists.
function expectError(what, status, expectedStatus, body, schemaName) {
  ++checks;
  const codes = spec.components.schemas[schemaName].properties.error.enum;
  let error;
  try { error = JSON.parse(body).error; } catch { error = undefined; }
  if (status !== expectedStatus || !codes.includes(error)) fail(what, `expected ${expectedStatus} ${codes}, got ${status} ${body}`);
  else console.log(`ok   ${what}: ${status} ${error}`);
}

function rawExchange(bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(serverPort, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setTimeout(5000, () => { socket.destroy(); reject(new Error('raw exchange timed out')); });
    socket.on('data', (chunk) => { answer += chunk.toString('latin1'); });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parseRaw(answer) {
  const status = Number(answer.split(' ')[1]);
  return { status, body: answer.slice(answer.indexOf('\r\n\r\n') + 4) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tenant = (key) => ({ authorization: `Bearer ${key}` });
const admin = { authorization: 'Bearer contract-admin' };
const run = `${Date.now()}`;
const sms = (id, extra = {}) => ({ providerMessageId: `SM-${run}-${id}`, from: '+14155550100', to: '+14155550199', body: 'Hello', ...extra });
const chat = (id) => ({ providerMessageId: `CH-${run}-${id}`, conversationId: 'conv-1', sender: { id: 'cust-7' }, text: 'Hi' });
const voice = (id) => ({ providerMessageId: `CA-${run}-${id}`, from: '+14155550100', to: '+14155550199', direction: 'inbound', status: 'completed', durationSeconds: 73 });

async function waitFor(what, probe) {
  for (let i = 0; i < 100; ++i) {
    if (await probe()) return true;
    await sleep(100);
  }
  fail(what, 'timed out');
  return false;
}

async function operations() {
  await valid('healthz', '/healthz', 'GET', '/healthz', 200);
  await valid('readyz', '/readyz', 'GET', '/readyz', 200);
  await valid('metrics', '/metrics', 'GET', '/metrics', 200);
  const served = await valid('openapi.json', '/openapi.json', 'GET', '/openapi.json', 200);
  ++checks;
  if (JSON.stringify(served) !== JSON.stringify(spec)) fail('openapi.json', 'the served document is not resources/openapi.json');
}

const ingestPaths = ['sms', 'chat', 'voice'].flatMap((channel) => [`/v1/ingest/${channel}`, `/ingest/${channel}`]);
const messageFor = (path, id) => ({ sms, chat, voice })[path.split('/').pop()](id);

async function ingest() {
  for (const path of ingestPaths) {
    const message = messageFor(path, path.replaceAll('/', '-'));
    await valid(`${path} new`, path, 'POST', path, 202, { headers: tenant('key-acme'), json: message });
    await valid(`${path} again`, path, 'POST', path, 200, { headers: { 'x-api-key': 'key-acme' }, json: message });
  }
  await valid('bucket full', '/v1/ingest/sms', 'POST', '/v1/ingest/sms', 202, { headers: tenant('key-tiny'), json: sms('tiny') });
  for (const path of ingestPaths) {
    const id = (what) => `${what}${path.replaceAll('/', '-')}`;
    await valid(`${path} unknown key`, path, 'POST', path, 401, { headers: tenant('no-such-key'), json: messageFor(path, id('401')) });
    await valid(`${path} other tenant`, path, 'POST', path, 403, { headers: tenant('key-acme'), json: { ...messageFor(path, id('403')), tenantId: 'globex' } });
    await valid(`${path} over 64 KiB`, path, 'POST', path, 413, { headers: tenant('key-acme'), json: { ...messageFor(path, id('413')), metadata: { pad: 'x'.repeat(70000) } } });
    await valid(`${path} bucket empty`, path, 'POST', path, 429, { headers: tenant('key-tiny'), json: messageFor(path, id('429')) });
    await invalid(`${path} no key`, path, 'POST', path, 401, { json: messageFor(path, id('nokey')) });
    await invalid(`${path} unknown field`, path, 'POST', path, 400, { headers: tenant('key-acme'), json: { ...messageFor(path, id('extra')), colour: 'red' } });
    await invalid(`${path} not JSON media type`, path, 'POST', path, 415, { headers: { ...tenant('key-acme'), 'content-type': 'text/plain' }, body: JSON.stringify(messageFor(path, id('415'))) });
  }
  // An optional field given as null counts as absent, for the server and the document alike.
  const optionalNulls = { sms: { media: null }, chat: { attachments: null }, voice: { recordingUrl: null, transcript: null } };
  for (const [channel, nulls] of Object.entries(optionalNulls)) {
    const path = `/v1/ingest/${channel}`;
    const message = { ...messageFor(path, `null-${channel}`), tenantId: null, timestamp: null, metadata: null, ...nulls };
    if (message.sender) message.sender = { ...message.sender, name: null, role: null };
    await valid(`${path} optional fields null`, path, 'POST', path, 202, { headers: tenant('key-acme'), json: message });
  }
  // A whole number written as a real is an integer to JSON Schema and to the server.
  const realDuration = JSON.stringify(messageFor('/v1/ingest/voice', 'real-duration')).replace(/"durationSeconds":\d+/, '"durationSeconds":9.0');
  await valid('voice durationSeconds 9.0', '/v1/ingest/voice', 'POST', '/v1/ingest/voice', 202, { headers: { ...tenant('key-acme'), 'content-type': 'application/json' }, body: realDuration });
  await valid('recordingUrl scheme in capitals', '/v1/ingest/voice', 'POST', '/v1/ingest/voice', 202, { headers: tenant('key-acme'), json: { ...voice('capital-scheme'), recordingUrl: 'HTTPS://rec.example/a.mp3' } });
  const path = '/v1/ingest/sms';
  await invalid('schema violation', path, 'POST', path, 400, { headers: tenant('key-acme'), json: { providerMessageId: 'x', from: '12', to: '+14155550199' } });
  await invalid('chat without text', '/v1/ingest/chat', 'POST', '/v1/ingest/chat', 400, { headers: tenant('key-acme'), json: { ...chat('notext'), text: '' } });
  const notJson = await send(direct, 'POST', path, { headers: { ...tenant('key-acme'), 'content-type': 'application/json' }, body: '{"providerMessageId":' });
  expectError('not JSON', notJson.status, 400, notJson.text, 'InvalidJson');
}

// The provider webhooks, signed here with node's crypto as each provider
// documents it (the webhook tests sign with the providers' own libraries);
// run_contract_check.sh starts the server with this --public-url.
const publicUrl = 'https://contract.example';
const secrets = {
  twilio: '4f0c8d2b6a1e9f3c7d5b8a2e6f1c9d3b',
  whatsapp: 'b2e6f1c9d3b4f0c8d2b6a1e9f3c7d5b8',
  'whatsapp-verify': 'verify-contract',
  standard: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

function twilioSigned(path, fields, token = secrets.twilio) {
  const data = Object.keys(fields).sort().reduce((text, name) => text + name + fields[name], publicUrl + path);
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': createHmac('sha1', token).update(data).digest('base64') },
    body: new URLSearchParams(fields).toString(),
  };
}

function metaSigned(body, secret = secrets.whatsapp) {
  const text = JSON.stringify(body);
  return { headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + createHmac('sha256', secret).update(text).digest('hex') }, body: text };
}

function standardSigned(id, body, secret = secrets.standard) {
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${text}`).digest('base64');
  return { headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }, body: text };
}

const twilioSms = (id) => ({ MessageSid: `SM${run}${id}`, From: '+14155550100', To: '+14155550199', Body: 'Hello', AccountSid: 'AC1' });
const twilioCall = (id) => ({ CallSid: `CA${run}${id}`, From: '+14155550100', To: '+14155550199', CallStatus: 'completed', CallDuration: '9', Direction: 'inbound' });
const whatsappDelivery = (id) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [{ from: '16505551234', id: `wamid.${run}${id}=`, type: 'text', text: { body: 'Hi' } }], statuses: [{ id: 'wamid.S', status: 'read' }] } }] }],
});
const withoutSignature = (signed) => ({ ...signed, headers: { ...signed.headers, 'x-twilio-signature': 'AAAA', 'x-hub-signature-256': 'sha256=00', 'webhook-signature': 'v1,AAAA' } });
const asText = (signed) => ({ ...signed, headers: { ...signed.headers, 'content-type': 'text/plain' } });

async function webhookSecrets() {
  const template = '/v1/admin/webhooks';
  for (const tenantId of ['acme', 'tiny'])
    for (const [provider, secret] of Object.entries(secrets))
      await valid(`store ${provider} secret of ${tenantId}`, template, 'POST', template, 201, { headers: admin, json: { tenantId, provider, secret } });
  const extra = await valid('store another', template, 'POST', template, 201, { headers: admin, json: { tenantId: 'globex', provider: 'twilio', secret: 'rotated-out' } });
  await valid('list secrets', template, 'GET', `${template}?tenantId=acme`, 200, { headers: admin });
  await invalid('list, bad tenant', template, 'GET', `${template}?tenantId=-x`, 400, { headers: admin });
  await invalid('store, unknown provider', template, 'POST', template, 400, { headers: admin, json: { tenantId: 'acme', provider: 'fax', secret: 'x' } });
  await invalid('store, unknown field', template, 'POST', template, 400, { headers: admin, json: { tenantId: 'acme', provider: 'twilio', secret: 'x', note: 'y' } });
  await invalid('store, not JSON media type', template, 'POST', template, 415, { headers: { ...admin, 'content-type': 'text/plain' }, body: JSON.stringify({ tenantId: 'acme', provider: 'twilio', secret: 'x' }) });
  await valid('remove', `${template}/{id}`, 'DELETE', `${template}/${extra.id}`, 204, { headers: admin });
  await valid('remove missing', `${template}/{id}`, 'DELETE', `${template}/${extra.id}`, 404, { headers: admin });
}

async function webhooks() {
  await webhookSecrets();
  for (const [kind, fields] of [['sms', twilioSms], ['voice', twilioCall]]) {
    const template = `/v1/webhooks/twilio/{tenant}/${kind}`;
    const path = `/v1/webhooks/twilio/acme/${kind}`;
    await valid(`twilio ${kind}`, template, 'POST', path, 200, twilioSigned(path, fields('new')));
    await valid(`twilio ${kind} again`, template, 'POST', path, 200, twilioSigned(path, fields('new')));
    await valid(`twilio ${kind} bad signature`, template, 'POST', path, 401, withoutSignature(twilioSigned(path, fields('bad'))));
    const { From, To } = fields('x');
    await valid(`twilio ${kind} without its sid`, template, 'POST', path, 400, twilioSigned(path, { From, To }));
    await invalid(`twilio ${kind} not a form`, template, 'POST', path, 415, asText(twilioSigned(path, fields('415'))));
    const tiny = `/v1/webhooks/twilio/tiny/${kind}`;
    await valid(`twilio ${kind} bucket empty`, template, 'POST', tiny, 429, twilioSigned(tiny, fields('429')));
  }
  const whatsapp = '/v1/webhooks/whatsapp/{tenant}';
  await valid('whatsapp handshake', whatsapp, 'GET', `/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=${secrets['whatsapp-verify']}&hub.challenge=7`, 200);
  await valid('whatsapp handshake, wrong token', whatsapp, 'GET', '/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=7', 403);
  await invalid('whatsapp handshake, no challenge', whatsapp, 'GET', '/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=guess', 400);
  await valid('whatsapp delivery', whatsapp, 'POST', '/v1/webhooks/whatsapp/acme', 200, metaSigned(whatsappDelivery('new')));
  await valid('whatsapp bad signature', whatsapp, 'POST', '/v1/webhooks/whatsapp/acme', 401, withoutSignature(metaSigned(whatsappDelivery('bad'))));
  await invalid('whatsapp, not a business account', whatsapp, 'POST', '/v1/webhooks/whatsapp/acme', 400, metaSigned({ object: 'page', entry: [] }));
  await invalid('whatsapp not JSON media type', whatsapp, 'POST', '/v1/webhooks/whatsapp/acme', 415, asText(metaSigned(whatsappDelivery('415'))));
  await valid('whatsapp bucket empty', whatsapp, 'POST', '/v1/webhooks/whatsapp/tiny', 429, metaSigned(whatsappDelivery('429')));
  const standard = '/v1/webhooks/standard/{tenant}/{channel}';
  for (const channel of ['sms', 'chat', 'voice']) {
    const path = `/v1/webhooks/standard/acme/${channel}`;
    const { providerMessageId, ...message } = messageFor(`/${channel}`, `std-${channel}`);
    await valid(`standard ${channel}`, standard, 'POST', path, 202, standardSigned(`msg_${providerMessageId}`, message));
    await valid(`standard ${channel} again`, standard, 'POST', path, 200, standardSigned(`msg_${providerMessageId}`, message));
  }
  const path = '/v1/webhooks/standard/acme/sms';
  await valid('standard bad signature', standard, 'POST', path, 401, withoutSignature(standardSigned('msg_bad', sms('std-bad'))));
  await valid('standard invalid message', standard, 'POST', path, 400, standardSigned('msg_invalid', { from: '12' }));
  await valid('standard other tenant', standard, 'POST', path, 403, standardSigned('msg_other', { ...sms('std-403'), tenantId: 'globex' }));
  await invalid('standard not JSON media type', standard, 'POST', path, 415, asText(standardSigned('msg_415', sms('std-415'))));
  await valid('standard bucket empty', standard, 'POST', '/v1/webhooks/standard/tiny/sms', 429, standardSigned('msg_429', sms('std-429')));
}

async function webhooksWithRedisDown() {
  for (const kind of ['sms', 'voice']) {
    const path = `/v1/webhooks/twilio/acme/${kind}`;
    await valid(`twilio ${kind}, Redis down`, `/v1/webhooks/twilio/{tenant}/${kind}`, 'POST', path, 503,
      twilioSigned(path, (kind === 'sms' ? twilioSms : twilioCall)('503')));
  }
  await valid('whatsapp, Redis down', '/v1/webhooks/whatsapp/{tenant}', 'POST', '/v1/webhooks/whatsapp/acme', 503, metaSigned(whatsappDelivery('503')));
  await valid('standard, Redis down', '/v1/webhooks/standard/{tenant}/{channel}', 'POST', '/v1/webhooks/standard/acme/sms', 503, standardSigned('msg_503', sms('std-503')));
}

// The body an admin operation needs to be a valid request.
const adminBody = (template, method) =>
  template === '/v1/admin/webhooks' && method === 'POST' ? { json: { tenantId: 'acme', provider: 'twilio', secret: 'any-token' } } : {};

async function deadLetter() {
  // --simulation-mode and --max-attempts 1: this message goes straight to the DLQ.
  const failing = sms('dlq', { metadata: { simulateFailure: true } });
  await valid('failing message', '/v1/ingest/sms', 'POST', '/v1/ingest/sms', 202, { headers: tenant('key-acme'), json: failing });
  let letter;
  await waitFor('a dead letter', async () => {
    const page = await valid('dlq', '/v1/admin/dlq', 'GET', '/v1/admin/dlq?limit=10', 200, { headers: admin });
    letter = page.items?.[0];
    return letter !== undefined;
  });
  if (!letter) return;
  await valid('replay one', '/v1/admin/dlq/{id}/replay', 'POST', `/v1/admin/dlq/${letter.id}/replay`, 202, { headers: admin });
  await waitFor('the replayed letter back', async () => (await valid('dlq', '/v1/admin/dlq', 'GET', '/v1/admin/dlq', 200, { headers: admin })).total > 0);
  await valid('replay all', '/v1/admin/dlq/replay', 'POST', '/v1/admin/dlq/replay?tenantId=acme', 202, { headers: admin });
  await waitFor('the letter back again', async () => (await valid('dlq', '/v1/admin/dlq', 'GET', '/v1/admin/dlq', 200, { headers: admin })).total > 0);
  await valid('delete', '/v1/admin/dlq/{id}', 'DELETE', `/v1/admin/dlq/${letter.id}`, 204, { headers: admin });
  await valid('delete missing', '/v1/admin/dlq/{id}', 'DELETE', `/v1/admin/dlq/${letter.id}`, 404, { headers: admin });
  await valid('replay missing', '/v1/admin/dlq/{id}/replay', 'POST', '/v1/admin/dlq/no-such-id/replay', 404, { headers: admin });
  await invalid('dlq limit 0', '/v1/admin/dlq', 'GET', '/v1/admin/dlq?limit=0', 400, { headers: admin });
  await invalid('replay all, bad tenant', '/v1/admin/dlq/replay', 'POST', '/v1/admin/dlq/replay?tenantId=Not%20A%20Tenant', 400, { headers: admin });
}

async function adminReads() {
  await waitFor('stored events', async () =>
    (await valid('count', '/v1/admin/events/count', 'GET', '/v1/admin/events/count?tenantId=acme', 200, { headers: admin })).count >= 6);
  const first = await valid('events page', '/v1/admin/events', 'GET', '/v1/admin/events?tenantId=acme&limit=2', 200, { headers: admin });
  await valid('events next page', '/v1/admin/events', 'GET', `/v1/admin/events?limit=2&before=${encodeURIComponent(first.next)}`, 200, { headers: admin });
  await valid('events by channel', '/v1/admin/events', 'GET', '/v1/admin/events?channel=voice&providerMessageId=none', 200, { headers: admin });
  await valid('events, bad cursor', '/v1/admin/events', 'GET', '/v1/admin/events?before=not-a-cursor', 400, { headers: admin });
  await invalid('events, bad channel', '/v1/admin/events', 'GET', '/v1/admin/events?channel=fax', 400, { headers: admin });
  await invalid('count, bad tenant', '/v1/admin/events/count', 'GET', '/v1/admin/events/count?tenantId=-x', 400, { headers: admin });
  await valid('tenants', '/v1/admin/tenants', 'GET', '/v1/admin/tenants', 200, { headers: admin });
  await valid('stats', '/v1/admin/stats', 'GET', '/v1/admin/stats?window=30', 200, { headers: admin });
  await invalid('stats, window too long', '/v1/admin/stats', 'GET', '/v1/admin/stats?window=3601', 400, { headers: admin });
  for (const [template, method] of adminOperations()) {
    const path = template.replace('{id}', 'some-id');
    await valid(`${method} ${template}, wrong admin key`, template, method, path, 401, { headers: { authorization: 'Bearer wrong' }, ...adminBody(template, method) });
    await invalid(`${method} ${template}, no admin key`, template, method, path, 401, adminBody(template, method));
  }
}

async function protocolErrors() {
  const unknown = await send(direct, 'GET', '/v1/no-such-route');
  expectError('unknown route', unknown.status, 404, unknown.text, 'NotFound');
  const wrongMethod = await send(direct, 'DELETE', '/healthz');
  ++checks;
  if (wrongMethod.status !== 405 || JSON.parse(wrongMethod.text).error !== 'method_not_allowed') fail('wrong method', `${wrongMethod.status} ${wrongMethod.text}`);
  const garbage = parseRaw(await rawExchange('NOT HTTP AT ALL\r\n\r\n'));
  expectError('not HTTP', garbage.status, 400, garbage.body, 'BadRequest');
  const huge = parseRaw(await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ${'y'.repeat(20000)}\r\n\r\n`));
  expectError('huge header', huge.status, 431, huge.body, 'HeaderFieldsTooLarge');
}

// Redis goes away: every route that needs it answers 503. (PostgreSQL stays,
// so the event routes are asked with Redis down too: they must still answer
// as documented.)
async function outage() {
  execFileSync('redis-cli', ['-p', redisPort, 'shutdown', 'nosave']);
  for (const path of ingestPaths)
    await valid(`${path}, Redis down`, path, 'POST', path, 503, { headers: tenant('key-acme'), json: messageFor(path, `503${path.replaceAll('/', '-')}`) });
  await valid('readyz, Redis down', '/readyz', 'GET', '/readyz', 503);
  await valid('metrics, Redis down', '/metrics', 'GET', '/metrics', 200);
  for (const [template, method] of adminOperations()) {
    if (template.startsWith('/v1/admin/events')) continue; // PostgreSQL only
    await valid(`${method} ${template}, Redis down`, template, method, template.replace('{id}', 'some-id'), 503, { headers: admin, ...adminBody(template, method) });
  }
  await webhooksWithRedisDown();
}

function adminOperations() {
  return Object.entries(spec.paths)
    .filter(([template]) => template.startsWith('/v1/admin/'))
    .flatMap(([template, item]) => Object.keys(item).map((method) => [template, method.toUpperCase()]));
}

// Every status the document lists for every operation was answered at least
// once through a proxy, except these, each for its reason.
function notDriven(method, template, status) {
  if (status === '500') return 'an unexpected backend answer: nothing outside can cause it';
  if (status === '431') return 'no proxy passes such a header: driven directly on /healthz';
  if (status === '400' && !template.startsWith('/v1/')) return 'bytes that are not HTTP: driven directly';
  if (status === '404' && template.startsWith('/v1/admin/') && !template.includes('{id}')) return 'only with the admin API off';
  if (status === '503' && template === '/metrics') return 'only with the blocking pool full';
  if (status === '503' && template.startsWith('/v1/admin/events')) return 'needs PostgreSQL down';
  return undefined;
}

function coverage() {
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const answered = seen.get(`${method.toUpperCase()} ${template}`) ?? new Set();
      for (const status of Object.keys(operation.responses)) {
        if (!answered.has(status) && !notDriven(method, template, status))
          fail('coverage', `${method.toUpperCase()} ${template} never answered ${status}`);
      }
    }
  }
}

try {
  await operations();
  await ingest();
  await webhooks();
  await adminReads();
  await deadLetter();
  await protocolErrors();
  await outage();
  coverage();
} catch (error) {
  fail('driver', error.stack ?? String(error));
}
console.log(`${checks} checks, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
