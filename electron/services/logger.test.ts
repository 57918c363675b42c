import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/tempDir';
import { createFileLogger } from './logger';

const tempDir = useTempDir();
const at = () => new Date('2026-11-29T09:00:00Z');
const events = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { event: string }).event);

describe('the log file', () => {
  it('gets the info lines of a turn together at its end, in the order they were logged', async () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, at);
    logger.info('settings.written', { group: 'company.general' });
    logger.info('settings.written', { group: 'email' });
    expect(events(file)).toEqual([]);
    await nextTurn();
    expect(events(file)).toEqual(['settings.written', 'settings.written']);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '{"at":"2026-11-29T09:00:00.000Z","level":"info","event":"settings.written","group":"company.general"}\n' +
        '{"at":"2026-11-29T09:00:00.000Z","level":"info","event":"settings.written","group":"email"}\n',
    );
  });

  it('writes a warning or an error at once, after the info lines logged before it', () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, at);
    logger.info('sync.pushed', { count: 2 });
    logger.error('api.failed', { call: 'settings.write' });
    expect(events(file)).toEqual(['sync.pushed', 'api.failed']);
    logger.warn('api.forbidden', { call: 'users.remove' });
    expect(events(file)).toEqual(['sync.pushed', 'api.failed', 'api.forbidden']);
  });

  it('does not hold more than 500 lines, even in a turn that never ends', () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, at);
    for (let i = 0; i < 499; i += 1) logger.info('label.printed', { i });
    expect(events(file)).toHaveLength(0);
    logger.info('label.printed', { i: 499 });
    expect(events(file)).toHaveLength(500);
  });

  it('has the lines still held when the process ends, by exit or by an uncaught error', () => {
    const dir = tempDir();
    const logger = path.resolve('electron/services/logger.ts');
    for (const [name, ending] of [['exit', 'process.exit(0)'], ['crash', "throw new Error('kapot')"]] as const) {
      const file = path.join(dir, name, 'backoffice.log');
      const script = `import { createFileLogger } from ${JSON.stringify(logger)};\nconst log = createFileLogger(${JSON.stringify(file)});\nlog.info('settings.written', { group: 'email' });\n${ending};\n`;
      const entry = path.join(dir, `${name}.ts`);
      fs.writeFileSync(entry, script);
      try {
        execFileSync(process.execPath, ['--import', 'tsx', entry], { stdio: 'pipe' });
      } catch (error) {
        expect(String((error as { stderr: Buffer }).stderr)).toContain('kapot');
      }
      expect(events(file), name).toEqual(['settings.written']);
    }
  });
});
