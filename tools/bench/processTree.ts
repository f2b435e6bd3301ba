/**
 * Runs a command and samples the resident memory and CPU time of its whole process tree from
 * /proc: Astro's build spawns workers and Pagefind runs as a separate binary, so the Node
 * process alone would under-report what the machine needs.
 */
import { spawn } from "node:child_process";
import { appendFileSync, closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

/**
 * How a measured command went: the highest tree RSS of any sample, user + system CPU seconds of every
 * process of the tree (steadier than wall time), the 1-minute load average at the start (above the core
 * count, other work was competing).
 */
export type Measured = Awaited<ReturnType<typeof measureCommand>>;

const PAGE_SIZE = 4096;
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
const CLOCK_TICKS = 100;

/** The process group of the command running now, ended if the bench itself stops. */
let running: number | undefined;
const killRunning = () => {
  try {
    if (running) process.kill(-running, "SIGKILL");
  } catch {
    // Already gone.
  }
};
process.on("exit", killRunning);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

// Synchronous reads on purpose: /proc files are in memory, and 150 awaited reads per sample cost
// ten times the CPU of plain ones, CPU taken from the build being measured.
function processTable(): Map<number, { parent: number; rss: number; cpu: number }> {
  const table = new Map<number, { parent: number; rss: number; cpu: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      // The name is in parentheses and may hold spaces; the fields after it are space-separated.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpu = Number(fields[11]) + Number(fields[12]);
      table.set(Number(entry), { parent: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, cpu });
    } catch {
      // The process ended between readdir and readFile.
    }
  }
  return table;
}

/** Runs `command args` with its output to `logFile`, sampling every 200 ms; never throws on a failing command. */
export async function measureCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
) {
  appendFileSync(options.logFile, `$ ${command} ${args.join(" ")}\n`);
  const log = openSync(options.logFile, "a");
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  // Its own process group, so Ctrl-C or the time limit ends the command and everything it started.
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  running = child.pid;
  let peakRssBytes = 0;
  const cpuTicks = new Map<number, number>();
  const timer = setInterval(() => {
    const table = processTable();
    let total = 0;
    const tree = [child.pid ?? 0];
    for (const pid of tree) {
      const info = table.get(pid);
      if (!info) continue;
      total += info.rss;
      cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, info.cpu));
      for (const [other, { parent }] of table) if (parent === pid) tree.push(other);
    }
    peakRssBytes = Math.max(peakRssBytes, total);
  }, 200);
  // A build that hangs is killed with its whole process group, not left behind.
  const timeout = setTimeout(killRunning, 30 * 60_000);
  const exitCode = await new Promise<number>((resolve) => {
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on("error", () => resolve(127));
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  clearTimeout(timeout);
  running = undefined;
  closeSync(log);
  const ticks = [...cpuTicks.values()].reduce((sum, t) => sum + t, 0);
  return { exitCode, ms, peakRssBytes, cpuSeconds: ticks / CLOCK_TICKS, loadBefore };
}
