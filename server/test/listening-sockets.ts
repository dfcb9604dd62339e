/**
 * The sockets this process listens on, read from Linux's /proc: each open file
 * descriptor that is a socket, matched by inode against the kernel's TCP (state
 * 0A, LISTEN) and Unix-domain (flag __SO_ACCEPTCON) tables. Used to prove that the
 * embedded database opens no port and no socket file (issue 10).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** e.g. `tcp 127.0.0.1:5432`, `tcp6 [::]:8080`, `unix /tmp/x/.s.PGSQL.5432` */
export function listeningSockets(): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed while we read the folder
    }
  }
  const found: string[] = [];
  for (const table of ['tcp', 'tcp6'] as const) {
    for (const line of readTable(`/proc/self/net/${table}`)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === '0A' && inodes.has(inode)) found.push(`${table} ${address(local)}`);
    }
  }
  for (const line of readTable('/proc/self/net/unix')) {
    const [, , , flags, , , inode, path] = line.trim().split(/\s+/);
    if ((Number.parseInt(flags, 16) & 0x10000) !== 0 && inodes.has(inode)) found.push(`unix ${path ?? '(abstract)'}`);
  }
  return found.sort();
}

function readTable(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean);
  } catch {
    return []; // e.g. no IPv6 in this kernel
  }
}

/** `0100007F:1538` → `127.0.0.1:5432`; IPv6 addresses stay hex, which is enough to compare. */
function address(hex: string): string {
  const [ip, port] = hex.split(':');
  const portNumber = Number.parseInt(port, 16);
  if (ip.length === 8) return `${[6, 4, 2, 0].map((i) => Number.parseInt(ip.slice(i, i + 2), 16)).join('.')}:${portNumber}`;
  return `[${ip}]:${portNumber}`;
}
