/**
 * Main-thread CPU time of a page load, read from a Chromium trace: the thread time of every task
 * the page's renderer main thread ran from the navigation's first request until `untilMs` after
 * it. On a machine shared with other work, wall-clock figures swing with the load (a task waits
 * for a core); the CPU a load costs the page's own thread hardly does, so it is printed beside
 * the wall-clock figures for comparing before and after.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export function mainThreadCpuMs(trace: Buffer, origin: string, untilMs: number): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const navigation = events.find((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url?.startsWith(origin));
  // The page's renderer main thread: the one that parsed the page's HTML.
  const parser = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.startsWith(origin));
  if (!navigation || !parser) throw new Error('the trace holds no navigation to the page, or no parsing of it');
  const end = navigation.ts + untilMs * 1000;
  const tasks = events
    .filter((event) => event.ph === 'X' && taskNames.has(event.name) && event.pid === parser.pid && event.tid === parser.tid && event.ts >= navigation.ts && event.ts <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Tasks nest (a task runner inside a task): count only the outermost.
  let cpu = 0;
  let outerEnd = -1;
  for (const task of tasks) {
    if (task.ts < outerEnd) continue;
    outerEnd = task.ts + (task.dur ?? 0);
    cpu += task.tdur ?? 0;
  }
  return cpu / 1000;
}
