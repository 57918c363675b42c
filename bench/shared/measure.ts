/** Small helpers the store and list benchmarks share: medians, a table, the verdict. */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median milliseconds of `repeats` runs; `run` gets the run number so each write differs. */
export function timeMedian(repeats: number, run: (i: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    run(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0))) ?? [];
  for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  '));
}

export interface Goal {
  what: string;
  met: boolean;
  figure: string;
}

/** Prints every goal and exits non-zero when one is missed, so a regression is visible. */
export function verdict(goals: readonly Goal[]): void {
  for (const goal of goals) console.log(`${goal.met ? 'met   ' : 'MISSED'}  ${goal.what}: ${goal.figure}`);
  if (goals.some((goal) => !goal.met)) process.exitCode = 1;
}
