/**
 * Every network wait in the probe engine, with the reason for its value.
 * A probe never waits longer than its own budget: each step takes
 * min(step constant, what is left of the budget).
 */

/**
 * Whole budget of one probe (DNS → TCP → TLS → greeting → STARTTLS → login → quota/envelope).
 * 20 s: a healthy server finishes in < 2 s, Dovecot answers a failed login only after ~2 s
 * (auth_failure_delay), some ISP servers delay a failed login by 5 s, and a mobile link adds
 * about a second of round trips. Overridable per run with `options.timeoutMs`.
 */
export const DEFAULT_PROBE_BUDGET_MS = 20_000;

/**
 * DNS lookups (A/AAAA/MX/SRV). 5 s is the classic resolver timeout; a resolver that has not
 * answered by then will not answer a mail client either.
 */
export const DNS_TIMEOUT_MS = 5_000;

/**
 * TCP connect per address. 8 s covers the SYN retransmissions at 1 s and 3 s (and the one at
 * 7 s) on a lossy link; a filtered port (SYN dropped) is declared timed out after that.
 */
export const TCP_CONNECT_TIMEOUT_MS = 8_000;

/**
 * TLS handshake. 8 s: a handshake is 1–2 round trips plus certificate checks; a server that
 * needs longer is effectively broken for mail clients, which give up around 10–30 s.
 */
export const TLS_HANDSHAKE_TIMEOUT_MS = 8_000;

/**
 * Server greeting. 10 s: servers greet in milliseconds; postscreen-style greet pauses are ~6 s,
 * so 10 s separates "slow" from "never".
 */
export const GREETING_TIMEOUT_MS = 10_000;

/**
 * Silence after connect before we try a TLS hello on a second connection to tell
 * "this port wants TLS from the first byte" from "this server is slow". 1.5 s: a plaintext
 * mail server has greeted long before that.
 */
export const SILENCE_BEFORE_TLS_CHECK_MS = 1_500;

/**
 * One command/response round (CAPABILITY, EHLO, STARTTLS, MAIL FROM, ...). 8 s: plenty for one
 * round trip; policy checks (RBL, sender verification) on a busy server can take a few seconds.
 */
export const COMMAND_TIMEOUT_MS = 8_000;

/**
 * Login. 12 s: Dovecot delays a failed login by 2 s (growing with penalties), other servers
 * by up to 5–10 s; a successful login is quick.
 */
export const LOGIN_TIMEOUT_MS = 12_000;

/**
 * Sniffing what answers on a port after a failed TLS hello (mail greeting, HTTP, SSH). 2 s:
 * only a diagnosis aid; servers that greet at all do so immediately.
 */
export const SNIFF_TIMEOUT_MS = 2_000;

/**
 * Delay between starting two probes of one run. 40 ms: keeps a burst of 8–10 connections from
 * tripping per-IP connection-rate limits (Dovecot anvil, provider throttles) and keeps the
 * transcripts in a readable order; small enough not to matter for wall time.
 */
export const PROBE_STAGGER_MS = 40;

/**
 * How long a configured probe runs alone before its protocol's alternative ports/modes start,
 * unless the server has greeted by then (then only the probe's end decides). 1.5 s: a healthy
 * server's greeting arrives after 2–3 round trips (TCP, TLS, greeting), under 1 s even at the
 * 300 ms RTT of a congested mobile line; the same silence makes the probe itself suspect a
 * TLS/plaintext mix-up (SILENCE_BEFORE_TLS_CHECK_MS). Starting every alternative at once instead
 * doubled the connections and TLS handshakes of every healthy account.
 */
export const ALTERNATIVE_HEAD_START_MS = 1_500;
