// The three load scenarios for k6 (https://k6.io), for users who have it:
//   k6 run -e TARGET=http://127.0.0.1:8080 -e GOOD_KEY=kg -e REPLAY_KEY=kr \
//          -e NOISY_KEY=kn -e CALM_KEY=kc scenarios.k6.js
// k6 prints throughput and latency percentiles per scenario (tagged); the
// outcome counters below add the status counts. The scenarios run one after
// the other (startTime), as bench/scenarios/run.sh does with wrk.
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import exec from 'k6/execution';
import { textSummary } from 'https://jslib.k6.io/k6-summary/0.0.2/index.js';

const target = __ENV.TARGET || 'http://127.0.0.1:8080';
const runId = __ENV.RUN_ID || `${Date.now()}`;
const scenarioNames = ['good_citizen', 'replay_attack', 'noisy_tenant', 'calm_tenant'];
const statusClasses = ['200', '202', '429', 'other'];

// One counter per scenario and status: k6 summarizes each counter on its own.
const outcomes = {};
for (const scenario of scenarioNames) {
  for (const status of statusClasses) outcomes[`${scenario}_${status}`] = new Counter(`mccig_${scenario}_${status}`);
}

// A threshold per scenario makes k6 report that scenario's latency separately;
// it never fails (benchmarks do not fail on speed).
const thresholds = {};
for (const scenario of scenarioNames) thresholds[`http_req_duration{scenario:${scenario}}`] = ['max>=0'];

export const options = {
  scenarios: {
    good_citizen: {
      executor: 'constant-vus', vus: 50, duration: '10s',
      exec: 'goodCitizen', startTime: '0s',
    },
    replay_attack: {
      executor: 'constant-vus', vus: 10, duration: '10s',
      exec: 'replayAttack', startTime: '12s',
    },
    noisy_tenant: {
      executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '10s',
      preAllocatedVUs: 20, exec: 'noisyTenant', startTime: '24s',
    },
    calm_tenant: {
      executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '10s',
      preAllocatedVUs: 5, exec: 'calmTenant', startTime: '24s',
    },
  },
  thresholds,
  summaryTrendStats: ['avg', 'p(50)', 'p(90)', 'p(99)', 'max'],
};

const channels = ['sms', 'chat', 'voice'];

function body(channel, id, n) {
  const number = `+1415555${String(n % 10000).padStart(4, '0')}`;
  if (channel === 'sms') {
    return { providerMessageId: id, from: number, to: '+14155550100', body: `Is my order ${n} shipped yet?` };
  }
  if (channel === 'chat') {
    return { providerMessageId: id, conversationId: `conv-${n % 100}`,
             sender: { id: `cust-${n % 1000}`, role: 'customer' }, text: `Hello, I need help with order ${n}.` };
  }
  return { providerMessageId: id, from: number, to: '+14155550100', direction: 'inbound',
           status: 'completed', durationSeconds: n % 600 };
}

function send(key, channel, payload, scenario) {
  const response = http.post(`${target}/v1/ingest/${channel}`, JSON.stringify(payload), {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    tags: { scenario },
  });
  const status = statusClasses.includes(String(response.status)) ? String(response.status) : 'other';
  outcomes[`${scenario}_${status}`].add(1);
}

function uniqueMessage(key, scenario) {
  const n = exec.scenario.iterationInTest;
  const channel = channels[n % 3];
  send(key, channel, body(channel, `${scenario}-${runId}-${n}`, n), scenario);
}

export function goodCitizen() { uniqueMessage(__ENV.GOOD_KEY, 'good_citizen'); }
export function noisyTenant() { uniqueMessage(__ENV.NOISY_KEY, 'noisy_tenant'); }
export function calmTenant() { uniqueMessage(__ENV.CALM_KEY, 'calm_tenant'); }

export function replayAttack() {
  send(__ENV.REPLAY_KEY, 'sms', body('sms', `replay-${runId}`, 0), 'replay_attack');
}

// k6's own summary, then the outcome counts per scenario and status.
export function handleSummary(data) {
  const lines = ['outcomes (scenario_status = count):'];
  for (const [name, metric] of Object.entries(data.metrics)) {
    if (name.startsWith('mccig_')) lines.push(`  ${name.slice(6)} = ${metric.values.count}`);
  }
  return { stdout: textSummary(data, { indent: ' ', enableColors: false }) + '\n' + lines.join('\n') + '\n' };
}
