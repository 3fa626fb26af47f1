/**
 * DNS at message level: what pastoe's resolver returns and what the DNSSEC validator and the
 * probes read. Names are lowercase presentation form without a trailing dot (the root is `''`),
 * except where a record's data keeps the case it had on the wire (the validator needs the wire
 * bytes for that; see {@link DnsRecord.wire}).
 */

/** Record types pastoe understands by name. Others are carried as `TYPE<n>`. */
export type KnownRecordType =
  | 'A'
  | 'NS'
  | 'CNAME'
  | 'SOA'
  | 'PTR'
  | 'MX'
  | 'TXT'
  | 'AAAA'
  | 'SRV'
  | 'DNAME'
  | 'OPT'
  | 'DS'
  | 'RRSIG'
  | 'NSEC'
  | 'DNSKEY'
  | 'NSEC3'
  | 'NSEC3PARAM'
  | 'TLSA'
  | 'CDS'
  | 'CDNSKEY'
  | 'SVCB'
  | 'HTTPS'
  | 'CAA'
  | 'ANY';

/** A record type: a known mnemonic or `TYPE<number>` (RFC 3597). */
export type RecordType = KnownRecordType | `TYPE${number}`;

/** Response codes pastoe tells apart; others are carried as `RCODE<n>`. */
export type Rcode =
  | 'NOERROR'
  | 'FORMERR'
  | 'SERVFAIL'
  | 'NXDOMAIN'
  | 'NOTIMP'
  | 'REFUSED'
  | 'YXDOMAIN'
  | 'NOTAUTH'
  | 'BADVERS'
  | `RCODE${number}`;

/** The data of a record, by type. Binary fields are lowercase hex or base64 as named. */
export type RecordData =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'AAAA'; readonly address: string }
  | { readonly type: 'NS' | 'CNAME' | 'PTR' | 'DNAME'; readonly target: string }
  | { readonly type: 'MX'; readonly preference: number; readonly exchange: string }
  | {
      /** TXT: the character-strings as sent, each decoded as UTF-8 (invalid bytes replaced). */
      readonly type: 'TXT';
      readonly strings: readonly string[];
    }
  | {
      readonly type: 'SOA';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  | { readonly type: 'SRV'; readonly priority: number; readonly weight: number; readonly port: number; readonly target: string }
  | { readonly type: 'CAA'; readonly flags: number; readonly tag: string; readonly value: string }
  | {
      readonly type: 'DS' | 'CDS';
      readonly keyTag: number;
      readonly algorithm: number;
      readonly digestType: number;
      /** Lowercase hex. */
      readonly digest: string;
    }
  | {
      readonly type: 'DNSKEY' | 'CDNSKEY';
      readonly flags: number;
      readonly protocol: number;
      readonly algorithm: number;
      /** Base64. */
      readonly publicKey: string;
    }
  | {
      readonly type: 'RRSIG';
      readonly typeCovered: RecordType;
      readonly algorithm: number;
      readonly labels: number;
      readonly originalTtl: number;
      /** Seconds since the epoch (serial arithmetic already resolved against the receive time). */
      readonly expiration: number;
      /** Seconds since the epoch. */
      readonly inception: number;
      readonly keyTag: number;
      readonly signerName: string;
      /** Base64. */
      readonly signature: string;
    }
  | {
      readonly type: 'NSEC';
      readonly nextDomain: string;
      /**
       * The Type Bit Maps field as lowercase hex (RFC 4034 §4.1.2). Kept as octets because a
       * hostile bitmap names 65,536 types; read it with {@link typesInBitmap} or {@link bitmapHasType},
       * build one with {@link typeBitmapOf}.
       */
      readonly typeBitmap: string;
    }
  | {
      readonly type: 'NSEC3';
      readonly hashAlgorithm: number;
      readonly flags: number;
      readonly iterations: number;
      /** Lowercase hex, `''` for no salt. */
      readonly salt: string;
      /** The next hashed owner name, base32hex lowercase without padding. */
      readonly nextHashedOwner: string;
      /** The Type Bit Maps field as lowercase hex, as for NSEC (RFC 5155 §3.2.1). */
      readonly typeBitmap: string;
    }
  | {
      readonly type: 'NSEC3PARAM';
      readonly hashAlgorithm: number;
      readonly flags: number;
      readonly iterations: number;
      readonly salt: string;
    }
  | {
      readonly type: 'TLSA';
      readonly usage: number;
      readonly selector: number;
      readonly matchingType: number;
      /** Lowercase hex. */
      readonly certificateData: string;
    }
  | {
      /** Any other type, or one pastoe does not decode: the RDATA as lowercase hex (RFC 3597). */
      readonly type: 'unknown';
      readonly rdata: string;
    };

/** One resource record. */
export interface DnsRecord {
  /** The owner name. */
  readonly name: string;
  /** The record type. */
  readonly type: RecordType;
  /** The class, normally `IN`. */
  readonly class: string;
  /** Time to live in seconds. */
  readonly ttl: number;
  /** The decoded data. */
  readonly data: RecordData;
  /**
   * The RDATA exactly as received, lowercase hex, with any compression expanded. The DNSSEC
   * validator builds the canonical form from it.
   */
  readonly wire?: string;
}

/** One EDNS Extended DNS Error (RFC 8914). */
export interface ExtendedDnsError {
  /** The INFO-CODE. */
  readonly code: number;
  /** The EXTRA-TEXT, if any. */
  readonly text?: string;
}

/** The header flags of a DNS message. */
export interface DnsFlags {
  /** Authoritative answer. */
  readonly aa: boolean;
  /** Truncated. */
  readonly tc: boolean;
  /** Recursion desired. */
  readonly rd: boolean;
  /** Recursion available. */
  readonly ra: boolean;
  /** Authentic data (the upstream validated it). */
  readonly ad: boolean;
  /** Checking disabled. */
  readonly cd: boolean;
}

/** A decoded DNS response. */
export interface DnsMessage {
  /** The message ID. */
  readonly id: number;
  /** The response code (extended with EDNS where present). */
  readonly rcode: Rcode;
  /** Header flags. */
  readonly flags: DnsFlags;
  /** The question section. */
  readonly question: readonly { readonly name: string; readonly type: RecordType; readonly class: string }[];
  /** The answer section. */
  readonly answers: readonly DnsRecord[];
  /** The authority section. */
  readonly authority: readonly DnsRecord[];
  /** The additional section, without the OPT pseudo-record. */
  readonly additional: readonly DnsRecord[];
  /** EDNS data, when the response carried an OPT record. */
  readonly edns?: {
    readonly udpPayloadSize: number;
    readonly dnssecOk: boolean;
    readonly extendedErrors: readonly ExtendedDnsError[];
  };
}

/** A question to ask. */
export interface DnsQuestion {
  /** The name (any case, with or without trailing dot; an IDN is converted with punycode). */
  readonly name: string;
  /** The type. */
  readonly type: RecordType;
  /** Set the EDNS DO bit to ask for DNSSEC records. Default true. */
  readonly dnssecOk?: boolean;
  /** Set the CD bit so that a validating upstream returns bogus data too. Default false. */
  readonly checkingDisabled?: boolean;
  /** Set the RD bit. Default true. */
  readonly recursionDesired?: boolean;
}

/** Why a DNS query produced no message. */
export type DnsErrorCode =
  | 'timeout'
  | 'aborted'
  | 'network'
  | 'malformed'
  | 'too-large'
  | 'id-mismatch'
  | 'forbidden-address'
  | 'invalid-name'
  | 'unsupported';

/** One server a failed query asked, and why it gave no usable answer. */
export interface DnsAttempt {
  /** The server, as the resolver describes it, e.g. `https://dns.quad9.net/dns-query via 9.9.9.9`. */
  readonly server: string;
  /** The kind of its last failure (`timeout` for one still unanswered when the query gave up). */
  readonly code: DnsErrorCode;
  /** Its last failure in one line, at most 200 characters. */
  readonly message: string;
  /** How many times the query asked it. */
  readonly tries: number;
}

/** A failed DNS exchange. */
export interface DnsError {
  /** The kind of failure. */
  readonly code: DnsErrorCode;
  /** A one-line reason; for a query the resolver gave up on, it names the servers asked and why each failed. */
  readonly message: string;
  /**
   * The servers a failed query asked, in the order first asked, each with its last failure. Set
   * by the resolver when it gave up on servers; at most 32 entries (the message counts the rest).
   */
  readonly attempts?: readonly DnsAttempt[];
}

/**
 * The outcome of one query: a response message (whatever its rcode) or an error. NXDOMAIN,
 * NODATA, SERVFAIL and REFUSED are responses; timeouts and malformed bytes are errors.
 */
export type DnsResult =
  | { readonly ok: true; readonly message: DnsMessage; readonly server: string; readonly elapsedMs: number; readonly cached: boolean }
  | { readonly ok: false; readonly error: DnsError; readonly server: string; readonly elapsedMs: number };

/** Options for one query. */
export interface QueryOptions {
  /** Aborts the query. */
  readonly signal?: AbortSignal;
  /**
   * How long this caller waits, in milliseconds. The resolver's own budget per query
   * (`queryTimeoutMs`) still caps the work upstream; a caller joining an identical query in
   * flight extends that query to its own limit.
   */
  readonly timeoutMs?: number;
}

/** Counters a resolver keeps, for tests and benchmarks. */
export interface ResolverStats {
  /** Queries asked of the resolver. */
  readonly queries: number;
  /** Queries sent upstream (after cache and coalescing). */
  readonly upstreamQueries: number;
  /** Queries answered from the cache. */
  readonly cacheHits: number;
  /** Queries that joined one already in flight. */
  readonly coalesced: number;
  /**
   * The longest chain of upstream queries each sent after the one before it was answered: the
   * sequential round trips since creation (a retry inside one query is not counted apart).
   * Absent from resolvers that do not measure it.
   */
  readonly sequentialRoundTrips?: number;
}

/** A DNS resolver at message level. Probes get it from their context. */
export interface Resolver {
  /** Where it sends queries, e.g. `udp://127.0.0.1:5353`. */
  readonly description: string;
  /** Asks one question. Never rejects: failures come back as `{ ok: false }`. */
  query(question: DnsQuestion, options?: QueryOptions): Promise<DnsResult>;
  /** Counters since creation. */
  stats(): ResolverStats;
}

/** What the resolver keeps in its cache for one question. */
export interface CachedAnswer {
  /** The response as received. */
  readonly message: DnsMessage;
  /** The server that gave it. */
  readonly server: string;
  /** The lifetime it was stored with, in seconds; record TTLs are aged against it on a hit. */
  readonly ttlSeconds: number;
}
