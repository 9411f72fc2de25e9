import fs from 'node:fs';

/**
 * CPU time (user and system, in ms) the processes `pick` chooses have used so far, read from /proc
 * (Linux: clock ticks of 1/100 s); null where there is no /proc. A bench takes it before and after
 * a phase to say which process the phase's time went to.
 */
export function cpuMsOf(pick: (pid: number, name: string) => boolean): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  let ms = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!pick(Number(entry), name)) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ms += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return ms;
}
