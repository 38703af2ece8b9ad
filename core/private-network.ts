/**
 * Addresses a fetch of an original must never reach: this computer, the
 * reader's home or office network, the cloud's metadata service. A page can
 * name any of them as its source ("http://192.168.1.1/", "http://localhost:3000/",
 * "http://169.254.169.254/", "http://intranet/"), and verifying it would make
 * the reader's browser or machine send a request there on the page's behalf.
 *
 * Pure: the WHATWG URL parser (browsers and Node) normalises the spellings of
 * an IPv4 address a page can hide behind (0x7f000001, 2130706433, 0177.0.0.1,
 * 127.1) to dotted decimal and IPv6 to its short form; this module classifies
 * what it gives, and the addresses a DNS lookup answers (the command line).
 */
import { safeHttpUrl } from './url';

/** Why an address or host is not on the public internet. */
type PrivateReason =
  | 'loopback' // 127.0.0.0/8, ::1, localhost
  | 'private' // RFC 1918, and IPv6 site-local / local-use NAT64
  | 'link-local' // 169.254.0.0/16 (the cloud metadata service), fe80::/10
  | 'shared' // 100.64.0.0/10, carrier-grade NAT
  | 'unique-local' // fc00::/7
  | 'unspecified' // 0.0.0.0/8, :: (reaches this computer on most systems)
  | 'multicast'
  | 'reserved' // documentation, benchmarking, future use, broadcast, discard
  | 'local-name'; // a single-label host or a name only a local network resolves (.local, .internal, …)

/** Suffixes no public DNS answers for (besides .localhost): RFC 6762, RFC 8375, ICANN's .internal, and never-delegated or de-facto local TLDs. */
const LOCAL_SUFFIXES = ['local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet', 'home', 'corp'];

/** An IPv4 address in dotted decimal as four bytes, or null. */
function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** An IPv6 address (brackets, zone and an IPv4 tail allowed) as eight 16-bit groups, or null. */
function ipv6Groups(text: string): number[] | null {
  let s = text
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const tail = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const b = ipv4Bytes(tail[1]!);
    if (!b) return null;
    s = `${s.slice(0, s.length - tail[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + rest.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

function ipv4Reason([a, b, c]: number[]): PrivateReason | null {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b! >= 64 && b! <= 127) return 'shared';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved'; // future use, and 255.255.255.255
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'reserved'; // protocol assignments, documentation
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved'; // documentation
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if (a === 192 && b === 88 && c === 99) return 'reserved'; // the old 6to4 relay anycast
  return null;
}

/** The IPv4 address carried in the last 32 bits of an IPv6 address. */
const lastIpv4 = (g: number[]) => [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];

function ipv6Reason(g: number[]): PrivateReason | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and the old IPv4-compatible (::a.b.c.d): the IPv4 address decides.
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return ipv4Reason(lastIpv4(g)) ?? (g[5] === 0 ? 'reserved' : null);
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Reason(lastIpv4(g));
  // NAT64 (64:ff9b::/96): a gateway reaches the IPv4 address in the last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Reason(lastIpv4(g));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'; // local-use NAT64
  // 6to4 (2002::/16): the IPv4 address in bits 16–47.
  if (g[0] === 0x2002) return ipv4Reason([g[1]! >> 8, g[1]! & 0xff, g[2]! >> 8, g[2]! & 0xff]);
  if (g[0] === 0x100 && zeros(1, 4)) return 'reserved'; // discard-only
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/**
 * Why an IP address (as a DNS lookup or the URL parser gives it: dotted
 * IPv4, IPv6 with or without brackets) is not public; null for a public one
 * and for anything that is not an IP address.
 */
export function privateAddressReason(address: string): PrivateReason | null {
  const v4 = ipv4Bytes(address);
  if (v4) return ipv4Reason(v4);
  const v6 = address.includes(':') ? ipv6Groups(address) : null;
  return v6 ? ipv6Reason(v6) : null;
}

/**
 * Why a host, as written in a URL, is not on the public internet: an IP
 * address in a private range, or a name only this machine or its local
 * network can resolve. Null for a public-looking host name (which may still
 * resolve to a private address: the command line looks that up too).
 */
export function privateHostReason(host: string): PrivateReason | null {
  let name = host.trim().toLowerCase();
  if (!name) return null;
  if (!name.startsWith('[') && name.includes(':')) name = `[${name}]`;
  try {
    // The URL parser's own reading: 0x7f000001, 2130706433, 0177.0.0.1 and 127.1 all become 127.0.0.1.
    name = new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
  if (name.startsWith('[')) return privateAddressReason(name);
  name = name.replace(/\.+$/, '');
  if (ipv4Bytes(name)) return privateAddressReason(name);
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (!name.includes('.') || LOCAL_SUFFIXES.some((suffix) => name.endsWith(`.${suffix}`))) return 'local-name';
  return null;
}

/** privateHostReason for the host of a URL; null for a URL that does not parse (other checks refuse those). */
export function privateUrlReason(url: string): PrivateReason | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return host ? privateHostReason(host) : null;
}

/**
 * Whether an address may be fetched at all, checked before any permission is
 * asked for and before any request, for the first address and every redirect:
 * http(s) with no user name, and not into a private network. Null when it may.
 */
export function hopRefusal(url: string): 'unsafe-url' | 'private-address' | null {
  const safe = safeHttpUrl(url);
  if (!safe) return 'unsafe-url';
  return privateUrlReason(safe) ? 'private-address' : null;
}
