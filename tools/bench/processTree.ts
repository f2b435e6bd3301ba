/**
 * Runs a command and samples the resident memory of its whole process tree from /proc:
 * Astro's build spawns workers and Pagefind runs as a separate binary, so the RSS of the
 * Node process alone would under-report what the machine needs.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

/** How a measured command went. */
export interface Measured {
  command: string;
  exitCode: number;
  ms: number;
  /** Highest sum of RSS over the tree at any one sample. */
  peakRssBytes: number;
  /** Highest RSS seen per executable name (node, pagefind, hugo, ...), for finding the hog. */
  peakByName: Record<string, number>;
  /**
   * User + system CPU seconds summed over every process of the tree (each as last sampled, so
   * up to one interval short per process). Steadier than wall time when other work shares the machine.
   */
  cpuSeconds: number;
  /** The same CPU seconds per executable name, to see which process spent them. */
  cpuByName: Record<string, number>;
  /** 1-minute load average when the command started: above the core count, other work was competing. */
  loadBefore: number;
  /** [epoch ms, tree RSS] at every sample, to line memory up with build phases. */
  samples: [number, number][];
}

const PAGE_SIZE = 4096;
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
const CLOCK_TICKS = 100;

/** Process groups started here and still running, ended if the bench itself stops. */
const running = new Set<number>();
let cleanupInstalled = false;

function killProcessGroup(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", () => running.forEach(killProcessGroup));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      running.forEach(killProcessGroup);
      process.exit(130);
    });
  }
}

interface ProcessInfo {
  parent: number;
  name: string;
  rss: number;
  /** utime + stime, in clock ticks. */
  cpu: number;
}

// Synchronous reads on purpose: /proc files are in memory, and 150 awaited reads per sample cost
// ten times the CPU of plain ones, CPU taken from the build being measured.
function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
      // The name is in parentheses and may hold spaces; fields after it are space-separated.
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      table.set(pid, {
        parent: Number(fields[1]),
        name,
        rss: Number(fields[21]) * PAGE_SIZE,
        cpu: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended between readdir and readFile.
    }
  }
  return table;
}

/** RSS of `root` and all its descendants right now, in total and per executable name, and each one's CPU ticks so far. */
export function treeRss(root: number): {
  total: number;
  byName: Map<string, number>;
  cpuByPid: Map<number, { cpu: number; name: string }>;
} {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, info] of table) children.set(info.parent, [...(children.get(info.parent) ?? []), pid]);
  const byName = new Map<string, number>();
  const cpuByPid = new Map<number, { cpu: number; name: string }>();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    const info = table.get(pid);
    if (info) {
      total += info.rss;
      byName.set(info.name, (byName.get(info.name) ?? 0) + info.rss);
      cpuByPid.set(pid, { cpu: info.cpu, name: info.name });
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, byName, cpuByPid };
}

/**
 * Runs `command args` with `env`, output to `logFile`, sampling memory every `intervalMs`.
 * Never throws on a failing command: the caller decides what a non-zero exit means.
 */
export async function measureCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; intervalMs?: number; timeoutMs?: number },
): Promise<Measured> {
  const log = createWriteStream(options.logFile, { flags: "a" });
  log.write(`$ ${command} ${args.join(" ")}\n`);
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  // Its own process group, so a timeout or Ctrl-C ends the command and everything it started.
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const group = child.pid;
  if (group !== undefined) running.add(group);
  installCleanup();
  const killGroup = () => {
    if (group !== undefined) killProcessGroup(group);
  };
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peakRssBytes = 0;
  const peakByName: Record<string, number> = {};
  const samples: [number, number][] = [];
  const cpuTicks = new Map<number, number>();
  const names = new Map<number, string>();
  const sample = () => {
    if (child.pid === undefined) return;
    const { total, byName, cpuByPid } = treeRss(child.pid);
    for (const [pid, { cpu, name }] of cpuByPid) {
      cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, cpu));
      names.set(pid, name);
    }
    peakRssBytes = Math.max(peakRssBytes, total);
    samples.push([Date.now(), total]);
    for (const [name, rss] of byName) peakByName[name] = Math.max(peakByName[name] ?? 0, rss);
  };
  const timer = setInterval(sample, options.intervalMs ?? 200);
  // A bounded run: a build that hangs is killed with its whole process group, not left behind.
  const timeout = setTimeout(killGroup, options.timeoutMs ?? 30 * 60_000);
  const exitCode = await new Promise<number>((resolve) => {
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on("error", () => resolve(127));
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  clearTimeout(timeout);
  if (group !== undefined) running.delete(group);
  await new Promise<void>((resolve) => log.end(resolve));
  const cpuSeconds = [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS;
  const cpuByName: Record<string, number> = {};
  for (const [pid, ticks] of cpuTicks) {
    const name = names.get(pid) ?? "?";
    cpuByName[name] = (cpuByName[name] ?? 0) + ticks / CLOCK_TICKS;
  }
  return {
    command: `${command} ${args.join(" ")}`,
    exitCode,
    ms,
    peakRssBytes,
    peakByName,
    loadBefore,
    samples,
    cpuSeconds,
    cpuByName,
  };
}
