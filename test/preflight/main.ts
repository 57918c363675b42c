/**
 * The first step of `npm test`: reads the machine, prints what the tests need, installs what is
 * missing when it may (root or passwordless sudo), repairs the keychain binding, or stops with
 * the one command to run. Writes its decision to test-results/preflight.json so the later steps
 * know which runners this machine can run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parsePackageList, planPreflight, type MachineFacts } from './plan';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const quiet = { stdio: 'ignore' } as const;

function missingPackages(names: readonly string[]): string[] {
  return names.filter((name) => {
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return status.status !== 0 || !status.stdout.includes('install ok installed');
  });
}

function keytarState(): { installed: boolean; loads: boolean } {
  if (!fs.existsSync(path.join(root, 'node_modules/keytar/package.json'))) return { installed: false, loads: false };
  // A child process: a binding that fails to load must not take this process with it.
  const probe = spawnSync(process.execPath, ['-e', 'require("keytar")'], { cwd: root, ...quiet });
  return { installed: true, loads: probe.status === 0 };
}

function readFacts(packageNames: readonly string[]): MachineFacts {
  const hasApt = process.platform === 'linux' && spawnSync('sh', ['-c', 'command -v apt-get && command -v dpkg-query'], quiet).status === 0;
  const keytar = keytarState();
  return {
    platform: process.platform,
    hasApt,
    missingPackages: hasApt ? missingPackages(packageNames) : [],
    isRoot: process.getuid?.() === 0,
    passwordlessSudo: spawnSync('sudo', ['-n', 'true'], quiet).status === 0,
    keytarInstalled: keytar.installed,
    keytarLoads: keytar.loads,
  };
}

function run(command: readonly string[]): boolean {
  console.log(`preflight: ${command.join(' ')}`);
  const [program = '', ...args] = command;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (program === 'apt-get' || (program === 'sudo' && args.includes('apt-get'))) {
    const update = program === 'sudo' ? ['sudo', '-n', 'apt-get', 'update', '-q'] : ['apt-get', 'update', '-q'];
    spawnSync(update[0] ?? 'apt-get', update.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  return spawnSync(program, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
}

const packages = parsePackageList(fs.readFileSync(path.join(root, 'test/system-packages.txt'), 'utf8'));
const keytarVersion = (require(path.join(root, 'package.json')) as { optionalDependencies: Record<string, string> }).optionalDependencies.keytar ?? 'latest';
const plan = planPreflight(readFacts(packages.map((p) => p.name)), packages, keytarVersion);

console.log(`preflight: the tests use ${packages.map((p) => p.name).join(', ')} (list: test/system-packages.txt)`);
for (const note of plan.notes) console.log(`preflight: ${note}`);
if (plan.stop) {
  console.error(`\npreflight: ${plan.stop.message}\nRun this once, then \`npm test\` again:\n\n  ${plan.stop.command}\n`);
  process.exit(1);
}
for (const step of plan.steps) {
  if (step.kind === 'install') console.log(`preflight: installing ${step.packages.join(', ')}`);
  if (!run(step.command)) {
    console.error(`preflight: "${step.command.join(' ')}" failed; fix that, then run \`npm test\` again.`);
    process.exit(1);
  }
}
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'test-results/preflight.json'), JSON.stringify(plan.runs));
console.log(`preflight: ready (${plan.steps.length === 0 ? 'nothing to install' : `${plan.steps.length} step(s) done`})`);
