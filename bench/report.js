// SPDX-License-Identifier: GPL-3.0-or-later
// Turns bench/run.sh's results.jsonl (one JSON object per measurement) into RESULTS.md:
// the machine, the commands, medians and ratios (ours / peer) against the targets of issue 7,
// then every raw figure per round, then bench/NOTES.md (the hand-written analysis).
'use strict';
const fs = require('fs');
const path = require('path');

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const env = process.env;
const out = [];
const p = (s = '') => out.push(s);

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const fmt = (x, digits = 1) => (x === null || x === undefined ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
const ratio = (a, b, digits = 2) => (a === null || b === null || b === 0 ? '–' : `${fmt(a / b, digits)}×`);
const yes = (ok) => (ok === null ? 'n/a' : ok ? '**met**' : '**missed**');
const sel = (w, extra = () => true) => rows.filter((r) => r.workload === w && extra(r));
const hasPeer = rows.some((r) => r.server === 'peer');

p('# Benchmarks: Pudding Gabel vs the reference peer');
p();
p(`Written by \`bench/run.sh\`${env.BENCH_SMOKE === '1' ? ' (SMOKE RUN: tiny sizes, figures meaningless)' : ''} — do not edit by hand; the notes at the end come from \`bench/NOTES.md\`.`);
p();
p('| | |');
p('| --- | --- |');
p(`| machine | ${env.BENCH_CPU}, ${env.BENCH_NPROC} cores, ${env.BENCH_MEMORY}, ${env.BENCH_KERNEL} |`);
p(`| software | ${env.BENCH_VERSIONS} |`);
p(`| commit | ${env.BENCH_GIT} |`);
p(`| run | ${env.BENCH_STARTED} → ${env.BENCH_FINISHED}; ${env.BENCH_ROUNDS} rounds (ramp: ${env.BENCH_RAMP_ROUNDS}), interleaved: odd rounds ours first, even rounds the peer first |`);
p(`| load average (1/5/15 min) | before ${env.BENCH_LOADAVG_BEFORE}, after ${env.BENCH_LOADAVG_AFTER} |`);
p(`| data | ${env.BENCH_DATA} |`);
p(`| raw figures | \`${env.BENCH_RESULTS_DIR}/\` (results.jsonl, wrk outputs, server logs) |`);
p();
p('Both servers and the load tools share the same 2 cores; PostgreSQL 15 (the system cluster, default settings) holds both databases. Claims are ratios of medians, never single absolute times.');
p();

// ---- summary --------------------------------------------------------------------------------
const search = (kind, server, key) => median(sel('search', (r) => r.kind === kind && r.server === server).map((r) => r[key]));
const ids = sel('ids');
const idsOk = hasPeer ? ids.every((r) => r.identical === true) : null;
const chat = (w, server, f) => sel(w, (r) => r.server === server).map(f);
const chatP99 = (w, s) => median(chat(w, s, (r) => r.latencyMs && r.latencyMs.p99));
const chatComplete = (w, s) => chat(w, s, (r) => r.complete && r.persisted === r.sent).every(Boolean) && chat(w, s, () => 1).length > 0;
const rampBest = (server) => {
  const rounds = [...new Set(sel('ramp').map((r) => r.round))];
  return rounds.map((round) => {
    const steps = sel('ramp', (r) => r.server === server && r.round === round).sort((a, b) => a.step - b.step);
    let best = 0;
    for (const s of steps) { if (!s.sustained) break; best = Math.max(best, s.sentPerSecond); }
    return best;
  });
};
const idle = (s) => sel('idle', (r) => r.server === s)[0];
const upload = (s, f) => median(sel('upload', (r) => r.server === s).map(f));
const rss = (phase) => sel('rss', (r) => r.phase === phase)[0] || {};

p('## Summary (medians; ratio = ours / peer)');
p();
p('| # | workload | measure | ours | peer | ratio | target | |');
p('| --- | --- | --- | ---: | ---: | ---: | --- | --- |');
for (const kind of ['rotation', 'berlin']) {
  const label = kind === 'rotation' ? 'radius search, 6 cities rotating' : 'radius search, Berlin 20 km';
  const or = search(kind, 'ours', 'rps'), pr = search(kind, 'peer', 'rps');
  const o99 = search(kind, 'ours', 'p99'), p99 = search(kind, 'peer', 'p99');
  p(`| 1 | ${label} | requests/s | ${fmt(or, 0)} | ${fmt(pr, 0)} | ${ratio(or, pr)} | ≥ 10× | ${yes(hasPeer ? or / pr >= 10 : null)} |`);
  p(`| 1 | ${label} | p99 latency ms | ${fmt(o99, 2)} | ${fmt(p99, 2)} | ${ratio(o99, p99, 3)} | ≤ 0.1× | ${yes(hasPeer ? o99 / p99 <= 0.1 : null)} |`);
}
p(`| 1 | identical result sets | same 50 ids, same order | ${ids.length} queries | | | all identical | ${yes(idsOk)} |`);
{
  const o = chatP99('chat', 'ours'), pe = chatP99('chat', 'peer');
  p(`| 2 | chat 20 rooms × 10 clients, 100 ms, 10 s | every message persisted and delivered once | ${chatComplete('chat', 'ours') ? 'yes' : 'NO'} | ${hasPeer ? (chatComplete('chat', 'peer') ? 'yes' : 'NO') : '–'} | | all rounds | ${yes(chatComplete('chat', 'ours'))} |`);
  p(`| 2 | 〃 | delivery p99 ms | ${fmt(o, 2)} | ${fmt(pe, 2)} | ${ratio(o, pe, 3)} | ours ≤ 10 ms | ${yes(o !== null ? o <= 10 : null)} |`);
  p(`| 2 | 〃 | delivery p50 ms | ${fmt(median(chat('chat', 'ours', (r) => r.latencyMs.p50)), 2)} | ${fmt(median(chat('chat', 'peer', (r) => r.latencyMs.p50)), 2)} | | | |`);
}
{
  const o = median(rampBest('ours')), pe = median(rampBest('peer'));
  p(`| 3 | rising chat rates | highest sustained messages/s in (100% delivered, p99 ≤ 100 ms) | ${fmt(o, 0)} | ${fmt(pe, 0)} | ${ratio(o, pe, 3)} | ≥ 3× | ${yes(hasPeer ? o / pe >= 3 : null)} |`);
}
{
  const o = idle('ours'), pe = idle('peer');
  p(`| 4 | ${fmt(Number(env.BENCH_IDLE_N), 0)} idle WebSocket connections | KiB per connection (RSS delta / N) | ${fmt(o && o.kibPerConnection, 2)} | ${fmt(pe && pe.kibPerConnection, 2)} | ${ratio(o && o.kibPerConnection, pe && pe.kibPerConnection)} | ours ≤ 20 KiB | ${yes(o ? o.kibPerConnection <= 20 && o.connected === o.connections : null)} |`);
  const o99 = chatP99('chat-with-idle', 'ours'), p99 = chatP99('chat-with-idle', 'peer');
  p(`| 4 | workload 2 beside them | delivery p99 ms, complete | ${fmt(o99, 2)}, ${chatComplete('chat-with-idle', 'ours') ? 'complete' : 'INCOMPLETE'} | ${fmt(p99, 2)}${hasPeer ? (chatComplete('chat-with-idle', 'peer') ? ', complete' : ', INCOMPLETE') : ''} | ${ratio(o99, p99, 3)} | ours ≤ 10 ms | ${yes(o99 !== null ? o99 <= 10 && chatComplete('chat-with-idle', 'ours') : null)} |`);
}
{
  const o = upload('ours', (r) => r.uploadsPerSecond), pe = upload('peer', (r) => r.uploadsPerSecond);
  const o99 = upload('ours', (r) => r.latencyMs.p99), p99 = upload('peer', (r) => r.latencyMs.p99);
  const o50 = upload('ours', (r) => r.latencyMs.p50), p50 = upload('peer', (r) => r.latencyMs.p50);
  p(`| 5 | photo upload, 20 at once (4 MB JPEG) | uploads/s | ${fmt(o, 2)} | ${fmt(pe, 2)} | ${ratio(o, pe)} | report (peer: multer + sharp) | |`);
  p(`| 5 | 〃 | p50 / p99 ms | ${fmt(o50, 0)} / ${fmt(o99, 0)} | ${fmt(p50, 0)} / ${fmt(p99, 0)} | ${ratio(o99, p99)} (p99) | report | |`);
}
{
  const r = rss('idle');
  const peerAll = r.peer !== undefined ? r.peer + r.chatpeer + r.uploadpeer : null;
  p(`| 6 | resident memory, data loaded, idle | MiB | ${fmt(r.ours / 1024)} | ${fmt(r.peer !== undefined ? r.peer / 1024 : null)} (peer.js); ${fmt(peerAll !== null ? peerAll / 1024 : null)} (peer.js + chatpeer.js + uploadpeer.js) | ${ratio(r.ours, r.peer)}; ${ratio(r.ours, peerAll)} | report | |`);
}
p();
p('The peer keeps no events in memory (every search is SQL); ours holds all 100,000 events in its index. PostgreSQL\'s own memory is not counted for either.');
p();

// ---- commands -------------------------------------------------------------------------------
p('## Commands');
p();
p('```sh');
p('bench/run.sh                       # everything below, then this file');
p(env.BENCH_OURS_COMMAND);
p('node peer.js; node chatpeer.js; node uploadpeer.js   # in bench/peer (peer.js, chatpeer.js copied from ../shared/peer-express)');
p(env.BENCH_WRK_COMMAND);
p(env.BENCH_CHAT_COMMAND);
p(`chatload --mode idle --protocol pudding|socketio --url URL --connections ${env.BENCH_IDLE_N} --fixtures idle.tsv`);
p(env.BENCH_UPLOAD_COMMAND);
p('```');
p();

// ---- raw ----------------------------------------------------------------------------------------
p('## Raw figures');
p();
p('### 1. Radius search (wrk -t2 -c32, --latency)');
p();
p('| query set | round | server | requests/s | p50 ms | p90 ms | p99 ms | requests | non-2xx | socket errors |');
p('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of sel('search')) p(`| ${r.kind} | ${r.round} | ${r.server} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p90, 2)} | ${fmt(r.p99, 2)} | ${r.requests} | ${r.non2xx} | ${r.socketErrors} |`);
p();
p('Identical result sets (ids only, compared as strings; node-postgres returns bigint ids as strings):');
p();
p('| query | ours: events | peer: events | identical | first ids |');
p('| --- | ---: | ---: | --- | --- |');
for (const r of ids) p(`| \`${r.query}\` | ${r.ours} | ${r.peer ?? '–'} | ${r.identical === null ? '–' : r.identical ? 'yes' : '**NO**'} | ${r.oursIds.join(', ')} |`);
p();
const chatTable = (w, title) => {
  p(`### ${title}`);
  p();
  p('| round | step (rooms) | server | sent | sent/s | expected deliveries | delivered | delivered/s | lost | dup | persisted | p50 ms | p99 ms | max ms | errors | sustained |');
  p('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const r of sel(w)) {
    const errs = Object.entries(r.errors || {}).map(([k, v]) => `${k}: ${v}`).join(', ') + (r.connectFailures ? ` connect failures: ${r.connectFailures}` : '') + (r.disconnects ? ` disconnects: ${r.disconnects}` : '');
    p(`| ${r.round} | ${r.step ?? r.rooms} | ${r.server} | ${r.sent} | ${fmt(r.sentPerSecond, 0)} | ${r.expectedDeliveries} | ${r.deliveries} | ${fmt(r.deliveredPerSecond, 0)} | ${r.lost} | ${r.duplicates} | ${r.persisted} | ${fmt(r.latencyMs.p50, 2)} | ${fmt(r.latencyMs.p99, 2)} | ${fmt(r.latencyMs.max, 2)} | ${errs || '–'} | ${r.sustained === undefined ? (r.complete && r.persisted === r.sent ? 'complete' : '**incomplete**') : r.sustained ? 'yes' : '**no**'} |`);
  }
  p();
};
chatTable('chat', '2. Chat, 20 rooms × 10 clients × one message per 100 ms × 10 s');
chatTable('ramp', '3. Rising chat rates (10 clients per room, one message per client per 100 ms; a step is sustained when every message is delivered once and persisted, p99 ≤ 100 ms and ≥ 95% of the target rate was sent; a server stops at its first unsustained step)');
p(`Highest sustained rate per round — ours: ${rampBest('ours').map((x) => fmt(x, 0)).join(', ')}; peer: ${hasPeer ? rampBest('peer').map((x) => fmt(x, 0)).join(', ') : '–'} messages/s.`);
p();
p('### 4. Idle connections');
p();
p('| server | connections | connected | connect s | RSS before MiB | RSS after MiB | KiB per connection |');
p('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of sel('idle')) p(`| ${r.server} | ${r.connections} | ${r.connected} | ${r.connectSeconds} | ${fmt(r.rssBeforeKb / 1024)} | ${fmt(r.rssAfterKb / 1024)} | ${fmt(r.kibPerConnection, 2)} |`);
p();
chatTable('chat-with-idle', '4b. Workload 2 while the idle connections are open');
p('### 5. Photo uploads');
p();
p('| round | server | uploads | ok | s | uploads/s | p50 ms | p90 ms | p99 ms | max ms | failures |');
p('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of sel('upload')) p(`| ${r.round} | ${r.server} | ${r.uploads} | ${r.ok} | ${r.seconds} | ${fmt(r.uploadsPerSecond, 2)} | ${fmt(r.latencyMs.p50, 0)} | ${fmt(r.latencyMs.p90, 0)} | ${fmt(r.latencyMs.p99, 0)} | ${fmt(r.latencyMs.max, 0)} | ${r.firstFailure || '–'} |`);
p();
p('### 6. Resident memory (VmRSS)');
p();
p('| when | ours MiB | peer.js MiB | chatpeer.js MiB | uploadpeer.js MiB |');
p('| --- | ---: | ---: | ---: | ---: |');
for (const r of sel('rss')) p(`| ${r.phase} | ${fmt(r.ours / 1024)} | ${fmt(r.peer !== undefined ? r.peer / 1024 : null)} | ${fmt(r.chatpeer !== undefined ? r.chatpeer / 1024 : null)} | ${fmt(r.uploadpeer !== undefined ? r.uploadpeer / 1024 : null)} |`);
p();

const notes = path.join(__dirname, 'NOTES.md');
if (fs.existsSync(notes)) {
  p(fs.readFileSync(notes, 'utf8').trimEnd());
  p();
}
process.stdout.write(out.join('\n'));
