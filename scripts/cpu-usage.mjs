// Where a test run's CPU goes: samples every process's CPU time from /proc every two seconds and,
// when stopped (SIGTERM or SIGINT), prints the core-seconds each kind of process used in each
// tier, and the machine's busy time from /proc/stat beside them (what the sampling missed:
// processes shorter than a sample, and the kernel's own work).
//   node scripts/cpu-usage.mjs TIER_FILE     (TIER_FILE holds the name of the tier running now)
// scripts/test.sh runs it beside the tiers and keeps its table in the run's log, so that a CI
// run — whose clone and output are discarded — says what made it long.
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

const TICK = 100; // USER_HZ: the unit of /proc's CPU times on Linux
const tierFile = process.argv[2];
const seen = new Map(); // pid:starttime -> CPU ticks already counted
const usage = new Map(); // tier -> Map(kind -> ticks)
const busy = new Map(); // tier -> machine busy ticks, summed over cores
const wall = new Map(); // tier -> seconds sampled
const order = [];

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/// The kind of process, from its command line: what a reader of the table recognises.
function kind(argv) {
  const exe = basename(argv[0] ?? '');
  const rest = argv.slice(1).join(' ');
  if (exe.startsWith('polkadot')) return 'relay validators (polkadot)';
  if (exe === 'veche-node') return rest.includes('zombienet') ? 'collators (veche-node, zombienet)' : 'veche-node --dev';
  if (/chrom/.test(exe) || exe === 'headless_shell') return 'chromium';
  if (/^(rustc|cargo|cc|c\+\+|ld|ld\.lld|rust-lld|lld|clippy-driver|rustfmt|build-script-.*)$/.test(exe)) return 'rust build';
  if (/^(veche-client|veche-indexer|veche-try-runtime|veche-fuzz|chain_spec)$/.test(exe)) return exe;
  if (exe === 'node' || exe === 'npm' || exe === 'npx') {
    if (rest.includes('chopsticks')) return 'chopsticks';
    if (rest.includes('zombienet')) return 'zombienet (js)';
    if (rest.includes('playwright')) return 'playwright';
    if (/vitest|vite|svelte-check|tsc/.test(rest)) return 'app build and unit (node)';
    if (rest.includes('--test') || rest.includes('.test.mjs')) return 'e2e tests (node)';
    return 'node (other)';
  }
  // Unit-test binaries: target/<profile>/deps/<crate>-<hash>.
  if (/-[0-9a-f]{16}$/.test(exe) && argv[0].includes('/deps/')) return 'unit-test binaries';
  if (exe === 'wasm-opt' || exe === 'wasm-bindgen') return 'wasm tools';
  return exe || 'other';
}

function machineBusy() {
  const cpu = read('/proc/stat').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
  return cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu[7] ?? 0);
}

function add(map, key, ticks) {
  map.set(key, (map.get(key) ?? 0) + ticks);
}

let lastBusy = machineBusy();
let lastTime = Date.now();
let first = true;

function sample() {
  const tier = (tierFile && read(tierFile)?.trim()) || 'setup';
  if (!usage.has(tier)) {
    usage.set(tier, new Map());
    order.push(tier);
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: the fields start after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const key = `${pid}:${fields[19]}`; // starttime tells a reused pid apart
    const before = seen.get(key);
    seen.set(key, ticks);
    // Processes already running when sampling began count from then on, not since they started.
    if (before === undefined && first) continue;
    const delta = ticks - (before ?? 0);
    if (delta <= 0) continue;
    const argv = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
    add(usage.get(tier), kind(argv), delta);
  }
  first = false;
  const now = Date.now();
  const b = machineBusy();
  add(busy, tier, b - lastBusy);
  add(wall, tier, (now - lastTime) / 1000);
  lastBusy = b;
  lastTime = now;
}

function report() {
  sample();
  const lines = ['CPU by tier (core-seconds sampled from /proc every 2 s; machine = /proc/stat busy time):'];
  const total = new Map();
  let machine = 0;
  let seconds = 0;
  for (const tier of order) {
    const kinds = [...usage.get(tier)].sort((a, b) => b[1] - a[1]);
    const m = (busy.get(tier) ?? 0) / TICK;
    const w = wall.get(tier) ?? 0;
    machine += m;
    seconds += w;
    lines.push(`  ${tier}: ${Math.round(w)} s, machine ${Math.round(m)} core-s (${(m / Math.max(w, 1)).toFixed(2)} cores busy)`);
    for (const [k, t] of kinds) {
      add(total, k, t);
      if (t / TICK >= 5) lines.push(`      ${Math.round(t / TICK).toString().padStart(6)}  ${k}`);
    }
  }
  lines.push(`  whole run: ${Math.round(seconds)} s, machine ${Math.round(machine)} core-s (${(machine / Math.max(seconds, 1)).toFixed(2)} cores busy); by kind:`);
  for (const [k, t] of [...total].sort((a, b) => b[1] - a[1])) {
    if (t / TICK >= 5) lines.push(`      ${Math.round(t / TICK).toString().padStart(6)}  ${k}`);
  }
  console.log(lines.join('\n'));
}

sample();
const timer = setInterval(sample, 2000);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    clearInterval(timer);
    report();
    process.exit(0);
  });
}
