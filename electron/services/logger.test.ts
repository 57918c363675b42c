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

  it('keeps the other lines of a turn when the data of one cannot be written', () => {
    const file = path.join(tempDir(), 'logs', 'backoffice.log');
    const logger = createFileLogger(file, at);
    logger.info('settings.written', { group: 'email' });
    logger.info('sync.pushed', { count: 2n });
    logger.error('sync.failed', { reason: 'network' });
    expect(events(file)).toEqual(['settings.written', 'sync.pushed', 'sync.failed']);
    expect(fs.readFileSync(file, 'utf8')).toContain('"event":"sync.pushed","unwritable":true');
  });

  it('after the logs folder was removed, never closes a file it does not hold and writes again in a new folder', async () => {
    const dir = path.join(tempDir(), 'logs');
    const file = path.join(dir, 'backoffice.log');
    const logger = createFileLogger(file, at, { maxBytes: 200, keep: 1 });
    logger.info('printed', { pad: 'x'.repeat(150) });
    await nextTurn();
    // Someone cleans up the logs folder; the next line is over the size, so the file is moved aside (which fails) and opened anew.
    fs.rmSync(dir, { recursive: true, force: true });
    logger.info('pushed', { pad: 'x'.repeat(150) });
    await nextTurn();
    // Whatever is opened next may get a number the logger once held.
    const journal = path.join(path.dirname(dir), 'backoffice.sqlite-journal');
    const other = fs.openSync(journal, 'w');
    logger.info('saved', { group: 'email' });
    logger.error('failed', {});
    expect(() => fs.fstatSync(other)).not.toThrow();
    fs.closeSync(other);
    // Each padded line fills a file, so "pushed" was moved aside when "saved" came.
    expect(events(`${file}.1`)).toEqual(['pushed']);
    expect(events(file)).toEqual(['saved', 'failed']);
  });
});
