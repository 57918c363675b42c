/**
 * Checks an electron-builder configuration twice: with electron-builder's own JSON schema (a
 * misspelled or misplaced key is refused there, exactly as `electron-builder` itself would at
 * release time) and with the promises our README makes to IT (fuses, per-machine installers, a
 * fixed MSI upgrade code, notarisation, keychain packages, no signing secrets in the file).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// app-builder-lib exports neither function from its index; the deep path is stable across 26.x
// and needs no network, unlike a dry-run build.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

export type BuilderConfig = Record<string, unknown>;

/** The fuses the README promises for release builds. */
export const promisedFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const;

const guid = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
const secretKey = /(password|passphrase|secret|token|api_?key|private_?key|csc_?link|csc_?key|certificate_?file)/i;
const secretValue = [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, /^[A-Za-z0-9+/=\s]{400,}$/];

function section(config: BuilderConfig, key: string): Record<string, unknown> {
  const value = config[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function targetNames(platform: Record<string, unknown>): string[] {
  const targets = Array.isArray(platform.target) ? platform.target : [platform.target];
  return targets.flatMap((target) => (typeof target === 'string' ? [target] : typeof target === 'object' && target !== null ? [String((target as { target: unknown }).target)] : []));
}

/** Every place in the file that holds a signing secret, by its path. */
function secretsIn(value: unknown, at: string): string[] {
  if (typeof value === 'string') return secretValue.some((pattern) => pattern.test(value)) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => secretsIn(item, `${at}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const where = at ? `${at}.${key}` : key;
    return secretKey.test(key) && inner !== null && inner !== undefined && inner !== '' ? [where] : secretsIn(inner, where);
  });
}

/** Our own rules; each problem is one sentence naming the key. */
export function ourRules(config: BuilderConfig): string[] {
  const problems: string[] = [];
  const fuses = section(config, 'electronFuses');
  for (const [fuse, wanted] of Object.entries(promisedFuses)) {
    if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse} must be ${wanted}, as the README promises (found ${JSON.stringify(fuses[fuse])}).`);
  }
  const win = targetNames(section(config, 'win'));
  for (const target of ['nsis', 'msi']) if (!win.includes(target)) problems.push(`win.target must include ${target}.`);
  if (section(config, 'nsis').perMachine !== true) problems.push('nsis.perMachine must be true: IT installs for every user of the workstation.');
  const msi = section(config, 'msi');
  if (msi.perMachine !== true) problems.push('msi.perMachine must be true: IT installs for every user of the workstation.');
  if (typeof msi.upgradeCode !== 'string' || !guid.test(msi.upgradeCode)) {
    problems.push('msi.upgradeCode must be a fixed GUID, so that a new MSI replaces the installed version instead of installing beside it.');
  }
  const mac = section(config, 'mac');
  if (mac.notarize !== true) problems.push('mac.notarize must be true: Gatekeeper refuses an app that is not notarised.');
  if (mac.hardenedRuntime !== true) problems.push('mac.hardenedRuntime must be true: notarisation requires it.');
  const depends = section(config, 'deb').depends;
  if (!Array.isArray(depends) || !depends.includes('libsecret-1-0')) problems.push('deb.depends must include libsecret-1-0, or the keychain (keytar) cannot load on Linux.');
  const publish = Array.isArray(config.publish) ? config.publish : [config.publish];
  if (!publish.some((entry) => typeof entry === 'object' && entry !== null && (entry as { provider?: unknown }).provider === 'generic')) {
    problems.push('publish must have a generic provider, so the build writes the update feed electron-updater reads.');
  }
  for (const where of secretsIn(config, '')) {
    problems.push(`${where} holds a signing secret; secrets come from the environment (CSC_LINK, CSC_KEY_PASSWORD, APPLE_*), never from this file.`);
  }
  return problems;
}

/** electron-builder's own schema; the refusal is its message, cut to the part that names the key. */
export async function schemaProblems(config: BuilderConfig): Promise<string[]> {
  try {
    await validateConfiguration(config, new DebugLogger(false));
    return [];
  } catch (error) {
    return [(error as Error).message.split('\n  How to fix:')[0] ?? (error as Error).message];
  }
}

export async function checkBuilderConfig(config: BuilderConfig): Promise<string[]> {
  return [...(await schemaProblems(config)), ...ourRules(config)];
}

/** Reads the file the way electron-builder does (YAML, `extends`, package.json `build`). */
export async function loadBuilderConfig(projectDir: string, file = 'electron-builder.yml'): Promise<BuilderConfig> {
  return getConfig(projectDir, path.join(projectDir, file), null);
}
