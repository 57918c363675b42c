import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { readPolicyDocument } from './policyDocument';
import { createPolicyService, type PolicyState } from './policyService';
import type { NativePolicySource } from './policySources';

const tempDir = useTempDir();

function writePolicy(dir: string, document: unknown): string {
  const file = path.join(dir, 'policy.json');
  fs.writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
  return file;
}

/**
 * Stand-in for the Windows registry / macOS managed preferences, which do not exist on Linux: it
 * hands the service named values exactly as @vscode/policy-watcher reports them.
 */
function fakeRegistry(values: Record<string, unknown>): NativePolicySource & { change(update: Record<string, unknown>): void } {
  let listener: ((update: Record<string, unknown>) => void) | null = null;
  return {
    kind: 'registry',
    where: 'HKLM\\Software\\Policies\\Backoffice',
    watch(onChange) {
      listener = onChange;
      onChange(values);
      return () => (listener = null);
    },
    change(update) {
      listener?.(update);
    },
  };
}

describe('policy document', () => {
  it('keeps the valid parts, normalised by the field rules, and reports each bad key by name', () => {
    const { policy, problems } = readPolicyDocument(
      {
        cloudUrl: 'https://cloud.winkel.nl/',
        updateChannel: 'nightly',
        maxIdleTimeoutMinutes: 30,
        disabledFeatures: ['diagnosticsExport', 'selfDestruct'],
        settings: { 'company.business.vatId': 'nl 0044.95.445.b01', 'company.business.iban': 'geen iban', 'company.general.logo': 'x', 'company.nope.x': 1 },
        colour: 'blue',
      },
      '/etc/backoffice/policy.json',
    );
    expect(policy).toEqual({
      cloudUrl: 'https://cloud.winkel.nl',
      maxIdleTimeoutMinutes: 30,
      disabledFeatures: ['diagnosticsExport'],
      settings: { 'company.business.vatId': 'NL004495445B01' },
    });
    expect(problems.map((problem) => problem.key)).toEqual([
      'updateChannel',
      'disabledFeatures: selfDestruct',
      'company.business.iban',
      'company.general.logo',
      'company.nope.x',
      'colour',
    ]);
    expect(problems[2]?.message.nl).toMatch(/^Beleid company\.business\.iban: IBAN .*Genegeerd\.$/);
    expect(problems[5]?.message).toEqual({ nl: 'Onbekende beleidsinstelling colour; genegeerd.', en: 'Unknown policy setting colour; ignored.' });
  });

  it('refuses a document that is not an object without throwing', () => {
    expect(readPolicyDocument(['cloudUrl'], 'x.json').problems).toHaveLength(1);
    expect(readPolicyDocument(null, 'x.json').policy).toEqual({ disabledFeatures: [], settings: {} });
  });
});

describe('policy service', () => {
  it('lets the registry win over the file key by key, and names the source of each entry', () => {
    const dir = tempDir();
    const file = writePolicy(dir, { cloudUrl: 'https://file.winkel.nl', updateChannel: 'beta', settings: { 'company.business.kvkNumber': '12345678' } });
    const registry = fakeRegistry({ CloudUrl: 'https://gpo.winkel.nl', CompanyBusinessVatId: 'NL004495445B01', DisableAddingUsers: 1 });
    const policy = createPolicyService({ file, native: registry, logger: createMemoryLogger() });
    policy.start();
    const state = policy.state();
    policy.stop();
    expect(state.cloudUrl).toBe('https://gpo.winkel.nl');
    expect(state.updateChannel).toBe('beta');
    expect(state.locked).toEqual({ 'company.business': { vatId: 'NL004495445B01', kvkNumber: '12345678' } });
    expect(state.disabledFeatures).toEqual(['addUsers']);
    expect(state.entries.map((entry) => [entry.key, entry.source])).toEqual([
      ['cloudUrl', 'registry'],
      ['disabledFeatures.addUsers', 'registry'],
      ['company.business.vatId', 'registry'],
      ['updateChannel', 'file'],
      ['company.business.kvkNumber', 'file'],
    ]);
    expect(state.sources).toEqual([
      { kind: 'registry', where: 'HKLM\\Software\\Policies\\Backoffice', present: true },
      { kind: 'file', where: file, present: true },
    ]);
  });

  it('drops a registry value that IT removes', () => {
    const dir = tempDir();
    const registry = fakeRegistry({ CompanyBusinessVatId: 'NL004495445B01' });
    const policy = createPolicyService({ file: path.join(dir, 'policy.json'), native: registry, logger: createMemoryLogger() });
    policy.start();
    expect(policy.isLocked('company.business', 'vatId')).toBe(true);
    registry.change({ CompanyBusinessVatId: undefined });
    expect(policy.isLocked('company.business', 'vatId')).toBe(false);
    policy.stop();
  });

  it('starts without a policy file, and an unreadable file is reported in the log and ignored', () => {
    const dir = tempDir();
    const logger = createMemoryLogger();
    expect(createPolicyService({ file: path.join(dir, 'policy.json'), native: null, logger }).state()).toMatchObject({
      updateChannel: 'stable',
      cloudUrl: null,
      locked: {},
      sources: [{ kind: 'file', present: false }],
    });
    const file = writePolicy(dir, '{"cloudUrl": "https://cloud.winkel.nl",');
    const state = createPolicyService({ file, native: null, logger }).state();
    expect(state.cloudUrl).toBeNull();
    expect(state.problems[0]?.message.nl).toContain(`Beleidsbestand ${file} is niet te lezen`);
    expect(logger.lines.some((line) => line.includes('"event":"policy.problem"'))).toBe(true);
  });

  it('applies a changed policy file while running, without a restart', async () => {
    const dir = tempDir();
    const file = writePolicy(dir, { settings: { 'company.business.vatId': 'NL004495445B01' } });
    const policy = createPolicyService({ file, native: null, logger: createMemoryLogger(), settleMs: 20 });
    policy.start();
    expect(policy.isLocked('company.business', 'iban')).toBe(false);
    const changed = new Promise<PolicyState>((resolve) => policy.onChange(resolve));
    // Deployment tools replace the file: write beside it, then rename over it.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ settings: { 'company.business.iban': 'NL91ABNA0417164300' }, disabledFeatures: ['receiptPrinterTest'] }));
    fs.renameSync(`${file}.tmp`, file);
    const state = await changed;
    policy.stop();
    expect(state.locked).toEqual({ 'company.business': { iban: 'NL91ABNA0417164300' } });
    expect(policy.isLocked('company.business', 'vatId')).toBe(false);
    expect(policy.isFeatureOff('receiptPrinterTest')).toBe(true);
  });
});
